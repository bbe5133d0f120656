package dev.nanoclassifier.classifier;

import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.classifier.budget.ContextBudget;
import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.classifier.budget.OutOfTimeException;
import dev.nanoclassifier.classifier.budget.TokenCounter;
import dev.nanoclassifier.classifier.fallback.ChainOutcome;
import dev.nanoclassifier.classifier.fallback.FallbackChain;
import dev.nanoclassifier.classifier.model.FailureReason;
import dev.nanoclassifier.classifier.model.ModelEndpoints;
import dev.nanoclassifier.classifier.model.ModelQuestion;
import dev.nanoclassifier.classifier.prompt.ModelQuestions;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.request.ClassificationRequest;
import dev.nanoclassifier.result.ClassificationResult;

/**
 * Answers one validated request: fits it to the token budgets, serves it from the answer cache
 * when an identical request was answered well in this environment, else runs the fallback chain,
 * and shapes the result.
 *
 * @throws ModelUnavailableException (from {@link #classify}) when no step the request allowed answered
 */
@Singleton
public class Classifier {

    private final ContextBudget budget;
    private final FallbackChain chain;
    private final ClassifierConfig config;
    private final ObjectMapper mapper;
    private final AnswerCache cache;
    private final String firstStep;
    private final TokenCounter tokens;

    public Classifier(ContextBudget budget, FallbackChain chain, ModelEndpoints endpoints, ClassifierConfig config,
            ObjectMapper mapper, TokenCounter tokens) {
        this.budget = budget;
        this.tokens = tokens;
        this.chain = chain;
        this.config = config;
        this.mapper = mapper;
        this.cache = config.cache().enabled()
                ? new AnswerCache(config.cache().maxSize(), config.cache().ttl(), System::nanoTime)
                : null;
        this.firstStep = endpoints.chain().isEmpty() ? FallbackChain.LOCAL : endpoints.chain().get(0).model();
    }

    public ClassificationResult classify(ClassificationRequest request, Deadline deadline) {
        long start = System.nanoTime();
        ContextBudget.Fitted fitted;
        try {
            fitted = budget.fit(request, deadline);
        } catch (OutOfTimeException e) {
            throw new ModelUnavailableException(FailureReason.DEADLINE, -1, List.of());
        }
        String key = cache == null ? null : CacheKey.of(firstStep, fitted.request());
        if (key != null) {
            ClassificationResult hit = cache.get(key);
            if (hit != null) {
                return hit.fromCache(request.id(), millisSince(start));
            }
        }
        ModelQuestion question = ModelQuestions.of(fitted.request(), config, mapper, tokens);
        ChainOutcome outcome = chain.run(fitted.request(), question, deadline);
        if (!outcome.answered()) {
            throw new ModelUnavailableException(outcome.firstFailure(), outcome.retryAfterMs(), outcome.attempts());
        }
        ClassificationResult result = shape(fitted, outcome).withLatency(millisSince(start));
        if (key != null && !outcome.degraded()) {
            cache.put(key, result);
        }
        return result;
    }

    private static ClassificationResult shape(ContextBudget.Fitted fitted, ChainOutcome outcome) {
        String reason = outcome.firstFailure() == null ? null : outcome.firstFailure().wireName();
        return fitted.request().match(
                classify -> ClassificationResult.classified(classify.id(), classify.classifier(), outcome.answer(),
                        outcome.model(), reason, outcome.attempts(), outcome.usage(), fitted.truncations()),
                rank -> ClassificationResult.ranked(rank.id(), outcome.answer(), outcome.model(), reason,
                        outcome.attempts(), outcome.usage(), fitted.truncations()));
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
