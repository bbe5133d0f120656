package dev.nanoclassifier.classifier.model;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.observability.ModelCallTracing;

/**
 * One model at one OpenAI-compatible endpoint, with its own HTTP client, retry loop and
 * {@link CircuitBreaker}, all kept for the life of the execution environment (a cold start begins
 * closed).
 *
 * <p>Time: every try gets the smaller of {@code classifier.timeouts.call} and what is left of the
 * deadline minus the margin, and {@link ChatCompletionsClient} holds the whole exchange to it, so
 * nothing underneath waits longer. {@link #call} is the only retry layer (the HTTP client does not
 * retry): up to {@code classifier.retry.max-retries} retries, each after the delay
 * {@link RetryPolicy} gave the failure (exponential with jitter, or the endpoint's
 * {@code Retry-After} when that fits the deadline); no retry is started that cannot finish in time.
 * Every try asks the breaker first and reports to it after.
 *
 * <p>The retries and the breaker were a SmallRye Fault Tolerance guard; they are this class and
 * {@link CircuitBreaker} now, with the same rules, because the guard loaded about 400 classes
 * (with Mutiny and context propagation) and cost tens of milliseconds on its first call on a cold
 * JVM (bench/README.md, "Init breakdown").
 */
public final class ModelEndpoint implements ModelStep {

    private static final Logger LOG = Logger.getLogger(ModelEndpoint.class);

    /** Models that reject {@code reasoning_effort: "none"}, which came with gpt-5.1: gpt-5, -mini, -nano and the o-series. */
    private static final Pattern BEFORE_NONE = Pattern.compile("(^|/)(gpt-5(-mini|-nano)?(-\\d{4}-\\d{2}-\\d{2})?|o\\d[\\w.-]*)$");

    public static final String MAX_COMPLETION_TOKENS = "max_completion_tokens";
    public static final String MAX_TOKENS = "max_tokens";

    private final String model;
    private final String reasoningEffort;
    private final boolean limitInMaxTokens;
    private final String baseUrl;
    private final String completionsUrl;
    private final String authorization;
    private final ModelCallTracing tracing;
    private final ChatCompletionsClient client;
    private final ObjectMapper json;
    private final CircuitBreaker breaker;
    private final ClassifierConfig.Timeouts timeouts;
    private final ClassifierConfig.Retry retry;
    private final RetryPolicy retryPolicy;
    private final long blockAfterUnauthorizedMs;
    private final AtomicBoolean blockLogged = new AtomicBoolean();
    private volatile long blockedUntil;
    private volatile FailureReason blockedFor = FailureReason.UNAUTHORIZED;

    public ModelEndpoint(String name, String model, String baseUrl, String apiKey, ClassifierConfig config,
            ModelCallTracing tracing, ObjectMapper mapper) {
        this(name, model, baseUrl, apiKey, config.reasoningEffort(), config.outputLimitField(), config, tracing, mapper);
    }

    /**
     * @param reasoningEffort the {@code reasoning_effort} sent to this endpoint; {@code omit} leaves it out
     * @param outputLimitField {@code max_completion_tokens} or {@code max_tokens}
     */
    public ModelEndpoint(String name, String model, String baseUrl, String apiKey, String reasoningEffort,
            String outputLimitField, ClassifierConfig config, ModelCallTracing tracing, ObjectMapper mapper) {
        if (!MAX_COMPLETION_TOKENS.equals(outputLimitField) && !MAX_TOKENS.equals(outputLimitField)) {
            throw new IllegalArgumentException("output-limit-field of model endpoint " + name + " must be "
                    + MAX_COMPLETION_TOKENS + " or " + MAX_TOKENS + ", not \"" + outputLimitField + "\"");
        }
        this.model = model;
        this.reasoningEffort = "omit".equals(reasoningEffort) ? null : reasoningEffort;
        if ("none".equals(reasoningEffort) && BEFORE_NONE.matcher(model).find()) {
            LOG.warnf("Model %s (endpoint %s) predates reasoning_effort \"none\" (gpt-5.1) and answers it with HTTP 400: "
                    + "set its reasoning effort to minimal or omit.", model, name);
        }
        this.limitInMaxTokens = MAX_TOKENS.equals(outputLimitField);
        this.baseUrl = baseUrl;
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.completionsUrl = base + "chat/completions";
        this.tracing = tracing;
        this.json = mapper;
        this.authorization = "Bearer " + apiKey;
        this.timeouts = config.timeouts();
        this.retry = config.retry();
        this.retryPolicy = new RetryPolicy(retry, timeouts);
        long callMs = timeouts.call().toMillis();
        this.client = new ChatCompletionsClient(URI.create(completionsUrl),
                Duration.ofMillis(Math.min(timeouts.connect().toMillis(), callMs)), mapper);
        ClassifierConfig.CircuitBreaker breakerConfig = config.circuitBreaker();
        this.blockAfterUnauthorizedMs = breakerConfig.delay().toMillis();
        this.breaker = new CircuitBreaker(breakerConfig.failureRatio(), breakerConfig.requestVolume(),
                breakerConfig.delay().toMillis(), breakerConfig.successThreshold(), () -> System.nanoTime() / 1_000_000);
    }

    /** The model name as the endpoint knows it; the response's {@code model}. */
    @Override
    public String model() {
        return model;
    }

    @Override
    public ModelAnswer call(ModelQuestion question, Deadline deadline, StepTally tally) {
        return call(request(question), deadline, question.reader(), tally);
    }

    /** The request body for this endpoint: the question with its model, reasoning effort and output-limit field. */
    ChatCompletionRequest request(ModelQuestion question) {
        int limit = question.outputLimit();
        return new ChatCompletionRequest(model, question.messages(), question.format(), reasoningEffort,
                limitInMaxTokens ? null : limit, limitInMaxTokens ? limit : null);
    }

    /**
     * Asks the model, with retries, within the deadline. Returns the validated answer, or throws
     * the failure of the last try. {@code tally} receives the tries and every reported usage.
     */
    public <T> T call(ChatCompletionRequest body, Deadline deadline, AnswerReader<T> reader, StepTally tally) {
        if (System.currentTimeMillis() < blockedUntil) {
            throw new ModelCallException(blockedFor, blockedFor == FailureReason.QUOTA_EXCEEDED
                    ? "skipped: the endpoint's account had no quota left recently"
                    : "skipped: the endpoint refused the key recently");
        }
        int[] invalidAnswers = { 0 };
        for (int retries = 0;; retries++) {
            CircuitBreaker.Permit permit = breaker.tryAcquire();
            if (permit == null) {
                throw new ModelCallException(FailureReason.CIRCUIT_OPEN, "circuit breaker open for " + model);
            }
            ModelCallException failure;
            try {
                T answer = once(body, deadline, reader, tally, invalidAnswers);
                breaker.record(permit, false);
                blockLogged.set(false);
                return answer;
            } catch (ModelCallException e) {
                reportToBreaker(permit, e);
                failure = e;
            } catch (RuntimeException e) {
                breaker.record(permit, true);
                throw new ModelCallException(FailureReason.UNAVAILABLE, e.getClass().getSimpleName());
            } catch (Error e) {
                breaker.record(permit, true);
                throw e;
            }
            if (!failure.retryable() || retries >= retry.maxRetries()) {
                throw failure;
            }
            pause(failure.retryDelayMs());
        }
    }

    /**
     * What a failed try tells the breaker. A try not made for lack of time says nothing about the
     * endpoint: it counts neither way (a half-open breaker's trial goes back). A refused input is an
     * answer from a working endpoint: a run of flagged inputs must not cut everyone else off.
     */
    private void reportToBreaker(CircuitBreaker.Permit permit, ModelCallException failure) {
        if (failure.reason() == FailureReason.DEADLINE) {
            breaker.release(permit);
        } else {
            breaker.record(permit, failure.reason() != FailureReason.REFUSED);
        }
    }

    /** Waits before a retry; an interrupted wait ends the call. */
    private static void pause(long delayMs) {
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException(FailureReason.UNAVAILABLE, "interrupted while waiting to retry");
        }
    }

    private <T> T once(ChatCompletionRequest body, Deadline deadline, AnswerReader<T> reader, StepTally tally,
            int[] invalidAnswers) {
        long timeoutMs = Math.min(timeouts.call().toMillis(), usableMillis(deadline));
        if (timeoutMs < timeouts.minAttempt().toMillis()) {
            throw new ModelCallException(FailureReason.DEADLINE, "not tried: " + Math.max(timeoutMs, 0) + " ms left");
        }
        tally.countTry();
        ModelCallTracing.Call traced = tracing.begin(model, "POST", completionsUrl, tally.tries());
        ChatCompletionResponse response;
        try {
            response = client.complete(authorization, body, Duration.ofMillis(timeoutMs));
        } catch (HttpStatusException | IOException | TimeoutException | RuntimeException e) {
            ModelCallException failure = failureOf(e, timeoutMs);
            traced.status(failure.status()).outcome(failure.reason().wireName()).end();
            throw withRetryDecision(failure, deadline, tally.tries(), invalidAnswers);
        }
        traced.status(200);
        if (response != null && response.reportsError()) {
            // OpenRouter reports a provider's failure inside a 200: a failure like a 5xx, billed only
            // for what it reports.
            tally.receivedError(response.usage(), response.serviceTier());
            ModelCallException reported = new ModelCallException(FailureReason.UNAVAILABLE, 200, -1,
                    "error reported in a 200 answer");
            traced.outcome(reported.reason().wireName()).end();
            throw withRetryDecision(reported, deadline, tally.tries(), invalidAnswers);
        }
        tally.received(response == null ? null : response.usage(), response == null ? null : response.serviceTier());
        try {
            T answer = reader.read(response);
            traced.end();
            return answer;
        } catch (ModelCallException invalid) {
            traced.outcome(invalid.reason().wireName()).end();
            throw withRetryDecision(invalid, deadline, tally.tries(), invalidAnswers);
        }
    }

    private long usableMillis(Deadline deadline) {
        return deadline.remainingMillis() - timeouts.deadlineMargin().toMillis();
    }

    /** The failure, marked with its retry delay when {@link RetryPolicy} says to try again in the time left. */
    private ModelCallException withRetryDecision(ModelCallException failure, Deadline deadline, int tries,
            int[] invalidAnswers) {
        if (failure.reason() == FailureReason.INVALID_ANSWER) {
            invalidAnswers[0]++;
        }
        long delay = retryPolicy.delayMs(failure, tries, invalidAnswers[0], usableMillis(deadline));
        return delay < 0 ? failure : failure.retryAfterDelay(delay);
    }

    private ModelCallException failureOf(Exception e, long timeoutMs) {
        if (e instanceof HttpStatusException http) {
            return failureOf(http);
        }
        if (e instanceof TimeoutException) { // ChatCompletionsClient reports socket timeouts as this too
            return new ModelCallException(FailureReason.TIMEOUT, "no answer within " + timeoutMs + " ms");
        }
        if (hasCause(e, JacksonException.class)) {
            return new ModelCallException(FailureReason.INVALID_ANSWER, "malformed response body");
        }
        if (hasCause(e, ConnectException.class)) {
            return new ModelCallException(FailureReason.UNAVAILABLE, "connection refused");
        }
        return new ModelCallException(FailureReason.UNAVAILABLE, "connection error: " + e.getClass().getSimpleName());
    }

    /**
     * An HTTP error: what it means is {@link RetryPolicy#reasonOf} (the body decides what a 429 or
     * 403 means), with the endpoint's requested delay and its {@code x-should-retry}.
     */
    private ModelCallException failureOf(HttpStatusException response) {
        int status = response.status();
        long retryAfter = RetryPolicy.retryAfterMillis(response.header("retry-after-ms"),
                response.header("Retry-After"), System.currentTimeMillis());
        ProviderError error = status == 402 || status == 403 || status == 429 ? ProviderError.of(json, response.body())
                : ProviderError.NONE;
        FailureReason reason = RetryPolicy.reasonOf(status, error);
        ModelCallException failure = switch (reason) {
            case UNAUTHORIZED, QUOTA_EXCEEDED -> blocked(reason, status);
            case REFUSED -> new ModelCallException(FailureReason.REFUSED, status, -1, "HTTP 403: the input was refused");
            default -> new ModelCallException(reason, status, retryAfter, "HTTP " + status);
        };
        return failure.withServerSaysRetry(RetryPolicy.shouldRetryHeader(response.header("x-should-retry")));
    }

    /**
     * A failure that takes the endpoint out for a while: a refused key or an account without quota.
     * Logged once (ERROR: someone must act), without the key.
     */
    private ModelCallException blocked(FailureReason reason, int status) {
        blockedFor = reason;
        blockedUntil = System.currentTimeMillis() + blockAfterUnauthorizedMs;
        if (blockLogged.compareAndSet(false, true)) {
            if (reason == FailureReason.QUOTA_EXCEEDED) {
                LOG.errorf("Model endpoint %s has no quota left for model %s (HTTP %d): check the account's plan and "
                        + "billing. Not calling this endpoint again for %d ms.", baseUrl, model, status,
                        blockAfterUnauthorizedMs);
            } else {
                LOG.errorf("Model endpoint %s refused the API key for model %s with HTTP %d: check OPENAI_API_KEY or "
                        + "its secret. Not calling this endpoint again for %d ms.", baseUrl, model, status,
                        blockAfterUnauthorizedMs);
            }
        }
        return new ModelCallException(reason, status, -1, "HTTP " + status);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static <X extends Throwable> X cause(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
