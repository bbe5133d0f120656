package dev.nanoclassifier.classifier.fallback;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.classifier.budget.TokenCounter;
import dev.nanoclassifier.classifier.cost.CostCalculator;
import dev.nanoclassifier.classifier.local.LexicalClassifier;
import dev.nanoclassifier.classifier.model.ChatCompletionRequest.Message;
import dev.nanoclassifier.classifier.model.FailureReason;
import dev.nanoclassifier.classifier.model.ModelCallException;
import dev.nanoclassifier.classifier.model.ModelEndpoints;
import dev.nanoclassifier.classifier.model.ModelQuestion;
import dev.nanoclassifier.classifier.model.ModelStep;
import dev.nanoclassifier.classifier.model.StepTally;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.request.ClassificationRequest;
import dev.nanoclassifier.request.FallbackMode;
import dev.nanoclassifier.result.Attempt;
import dev.nanoclassifier.result.Usage;

/**
 * The chain that always produces the best answer it can in time: the primary model, then each
 * fallback model, then the embedded lexical classifier, then the configured default label (only
 * when it is one of the request's labels). With {@code "fallback":"none"} only the primary model
 * may answer. With no model configured at all, the lexical classifier is the primary step.
 * When no allowed step answers, the outcome is {@linkplain ChainOutcome#answered() exhausted}.
 *
 * <p>The model steps are {@link ModelStep}s: the configured endpoints in the application, fakes in
 * a unit test.
 */
@Singleton
public class FallbackChain {

    public static final String LOCAL = "local";
    public static final String DEFAULT = "default";

    private final List<ModelStep> endpoints;
    private final LexicalClassifier lexical = new LexicalClassifier();
    private final boolean localFallback;
    private final Optional<String> defaultLabel;
    private final long circuitDelayMs;
    private final CostCalculator costs;
    private final TokenCounter tokens;

    @Inject
    public FallbackChain(ModelEndpoints endpoints, ClassifierConfig config, CostCalculator costs, TokenCounter tokens) {
        this(endpoints.chain(), config.localFallback(), config.defaultLabel(), config.circuitBreaker().delay().toMillis(),
                costs, tokens);
    }

    /**
     * A chain of {@code steps} (primary first); then the local classifier when {@code localFallback},
     * then {@code defaultLabel}. {@code circuitDelayMs} is the wait suggested when a circuit is open.
     */
    public FallbackChain(List<? extends ModelStep> steps, boolean localFallback, Optional<String> defaultLabel,
            long circuitDelayMs, CostCalculator costs, TokenCounter tokens) {
        this.endpoints = List.copyOf(steps);
        this.localFallback = localFallback;
        this.defaultLabel = defaultLabel;
        this.circuitDelayMs = circuitDelayMs;
        this.costs = costs;
        this.tokens = tokens;
    }

    public ChainOutcome run(ClassificationRequest request, ModelQuestion question, Deadline deadline) {
        List<Attempt> attempts = new ArrayList<>();
        FailureReason firstFailure = null;
        long retryAfterMs = -1;
        Usage usage = Usage.NONE;
        boolean onlyPrimary = request.fallback() == FallbackMode.NONE;
        List<ModelStep> steps = onlyPrimary && !endpoints.isEmpty() ? endpoints.subList(0, 1) : endpoints;
        for (ModelStep endpoint : steps) {
            long start = System.nanoTime();
            StepTally tally = new StepTally();
            try {
                List<String> answer = endpoint.call(question, deadline, tally);
                attempts.add(new Attempt(endpoint.model(), Attempt.OK, millisSince(start), tally.tries()));
                usage = usage.plus(usageOf(endpoint.model(), tally, question, answer));
                return ChainOutcome.answered(answer, endpoint.model(), attempts, firstFailure, usage);
            } catch (ModelCallException failure) {
                attempts.add(new Attempt(endpoint.model(), failure.reason().wireName(), millisSince(start), tally.tries()));
                usage = usage.plus(usageOf(endpoint.model(), tally, question, null));
                if (firstFailure == null) {
                    firstFailure = failure.reason();
                }
                if (failure.retryAfterMs() >= 0) {
                    retryAfterMs = failure.retryAfterMs();
                } else if (failure.reason() == FailureReason.CIRCUIT_OPEN) {
                    retryAfterMs = circuitDelayMs;
                }
            }
        }
        if (onlyPrimary && !endpoints.isEmpty()) {
            return ChainOutcome.exhausted(firstFailure, retryAfterMs, attempts, usage);
        }
        if (localFallback) {
            long start = System.nanoTime();
            List<String> answer = localAnswer(request);
            attempts.add(new Attempt(LOCAL, Attempt.OK, millisSince(start), null));
            return ChainOutcome.answered(answer, LOCAL, attempts, firstFailure, usage);
        }
        boolean defaultFits = defaultLabel.isPresent()
                && request.match(classify -> classify.labelNames().contains(defaultLabel.get()), rank -> false);
        if (defaultFits) {
            attempts.add(new Attempt(DEFAULT, Attempt.OK, 0, null));
            return ChainOutcome.answered(List.of(defaultLabel.get()), DEFAULT, attempts, firstFailure, usage);
        }
        return ChainOutcome.exhausted(firstFailure == null ? FailureReason.UNAVAILABLE : firstFailure, retryAfterMs,
                attempts, usage);
    }

    private List<String> localAnswer(ClassificationRequest request) {
        return request.match(classify -> lexical.classify(classify.input(), classify.labels(), classify.multiLabel()),
                rank -> {
                    List<String> ranking = lexical.rank(rank.query(), rank.candidates());
                    return List.copyOf(ranking.subList(0, Math.min(rank.topK(), ranking.size())));
                });
    }

    /**
     * The endpoint's reported usage; for a response that reported none, a local o200k count of what
     * was sent (and of the answer). A try that got no response (timeout, connection error) is not
     * counted: nothing says it was billed.
     */
    private Usage usageOf(String model, StepTally tally, ModelQuestion question, List<String> answer) {
        long input = tally.inputTokens();
        long output = tally.outputTokens();
        if (tally.unreportedResponses() > 0) {
            long perTry = 0;
            for (Message message : question.messages()) {
                perTry += tokens.count(message.content());
            }
            input += perTry * tally.unreportedResponses();
            output += answer == null ? 0 : tokens.count(String.join(" ", answer));
        }
        if (input == 0 && output == 0 && tally.providerCost() == null) {
            return Usage.NONE;
        }
        BigDecimal cost = costs.cost(model, input, tally.cachedTokens(), output, tally.providerCost());
        return new Usage(input, output, tally.cachedTokens(), tally.reasoningTokens(), cost);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
