package dev.nanoclassifier.classifier.model;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JacksonException;

import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.observability.ModelCallTracing;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;

/**
 * One model at one OpenAI-compatible endpoint, with its own HTTP client, retry layer and circuit
 * breaker, all kept for the life of the execution environment (a cold start begins closed).
 *
 * <p>Time: every try gets the smaller of {@code classifier.timeouts.call} and what is left of the
 * deadline minus the margin; the HTTP client's read timeout is {@code call} itself, so nothing
 * underneath waits longer. The SmallRye Fault Tolerance guard is the only retry layer (the REST
 * client does not retry); its backoff is exponential with jitter, or the endpoint's
 * {@code Retry-After} when that fits the deadline, and no retry is started that cannot finish in
 * time.
 */
public final class ModelEndpoint implements ModelStep {

    private static final Logger LOG = Logger.getLogger(ModelEndpoint.class);
    private static final Set<FailureReason> RETRYABLE = Set.of(FailureReason.RATE_LIMITED, FailureReason.UNAVAILABLE,
            FailureReason.TIMEOUT, FailureReason.INVALID_ANSWER);
    /**
     * Failures that say nothing about the endpoint's health, so the circuit breaker does not count
     * them: no time was left to try, or this request's input was refused (a run of flagged inputs
     * must not cut everyone else off).
     */
    private static final Set<FailureReason> NOT_ENDPOINT_HEALTH = Set.of(FailureReason.DEADLINE, FailureReason.REFUSED);
    /** Failures no header can make worth another try: the same call would fail the same way. */
    private static final Set<FailureReason> NEVER_RETRIED = Set.of(FailureReason.UNAUTHORIZED,
            FailureReason.QUOTA_EXCEEDED, FailureReason.REFUSED, FailureReason.DEADLINE);

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
    private final OpenAiApi api;
    private final Guard guard;
    private final ClassifierConfig.Timeouts timeouts;
    private final ClassifierConfig.Retry retry;
    private final long blockAfterUnauthorizedMs;
    private final AtomicBoolean blockLogged = new AtomicBoolean();
    private volatile long blockedUntil;
    private volatile FailureReason blockedFor = FailureReason.UNAUTHORIZED;

    public ModelEndpoint(String name, String model, String baseUrl, String apiKey, ClassifierConfig config,
            ModelCallTracing tracing) {
        this(name, model, baseUrl, apiKey, config.reasoningEffort(), config.outputLimitField(), config, tracing);
    }

    /**
     * @param reasoningEffort the {@code reasoning_effort} sent to this endpoint; {@code omit} leaves it out
     * @param outputLimitField {@code max_completion_tokens} or {@code max_tokens}
     */
    public ModelEndpoint(String name, String model, String baseUrl, String apiKey, String reasoningEffort,
            String outputLimitField, ClassifierConfig config, ModelCallTracing tracing) {
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
        this.completionsUrl = (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + "chat/completions";
        this.tracing = tracing;
        this.authorization = "Bearer " + apiKey;
        this.timeouts = config.timeouts();
        this.retry = config.retry();
        long callMs = timeouts.call().toMillis();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"))
                .connectTimeout(Math.min(timeouts.connect().toMillis(), callMs), TimeUnit.MILLISECONDS)
                .readTimeout(callMs, TimeUnit.MILLISECONDS)
                .build(OpenAiApi.class);
        ClassifierConfig.CircuitBreaker breaker = config.circuitBreaker();
        this.blockAfterUnauthorizedMs = breaker.delay().toMillis();
        this.guard = Guard.create()
                .withDescription("model endpoint " + name)
                .withRetry()
                    .maxRetries(retry.maxRetries())
                    .delay(0, ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    .maxDuration(15, ChronoUnit.MINUTES)
                    .whenException(e -> e instanceof ModelCallException failure && failure.retryable())
                    .withCustomBackoff().strategy(() -> cause -> ((ModelCallException) cause).retryDelayMs()).done()
                    .done()
                .withCircuitBreaker()
                    .name("model-endpoint-" + name)
                    .failureRatio(breaker.failureRatio())
                    .requestVolumeThreshold(breaker.requestVolume())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(breaker.successThreshold())
                    .when(e -> !(e instanceof ModelCallException failure) || !NOT_ENDPOINT_HEALTH.contains(failure.reason()))
                    .done()
                .build();
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
        try {
            @SuppressWarnings("unchecked")
            T answer = (T) guard.call(() -> once(body, deadline, reader, tally, invalidAnswers), Object.class);
            blockLogged.set(false);
            return answer;
        } catch (ModelCallException e) {
            throw e;
        } catch (CircuitBreakerOpenException e) {
            throw new ModelCallException(FailureReason.CIRCUIT_OPEN, "circuit breaker open for " + model);
        } catch (Exception e) {
            throw new ModelCallException(FailureReason.UNAVAILABLE, e.getClass().getSimpleName());
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
            response = api.complete(authorization, body).await().atMost(Duration.ofMillis(timeoutMs));
        } catch (RuntimeException e) {
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

    /**
     * Whether and when to try again, as the official SDKs decide: the endpoint's
     * {@code x-should-retry} first, then the kind of failure; the delay is the endpoint's
     * {@code retry-after-ms}/{@code Retry-After} when it sent one, else backoff. Nothing is retried
     * that cannot finish before the deadline.
     */
    private ModelCallException withRetryDecision(ModelCallException failure, Deadline deadline, int tries,
            int[] invalidAnswers) {
        if (NEVER_RETRIED.contains(failure.reason())) {
            return failure;
        }
        boolean retryable = failure.serverSaysRetry() != null ? failure.serverSaysRetry()
                : RETRYABLE.contains(failure.reason());
        if (!retryable) {
            return failure;
        }
        // A wrong or malformed answer is retried once, never more.
        if (failure.reason() == FailureReason.INVALID_ANSWER && ++invalidAnswers[0] > 1) {
            return failure;
        }
        long delay;
        if (failure.retryAfterMs() >= 0) {
            if (failure.retryAfterMs() > retry.maxRetryAfter().toMillis()) {
                return failure;
            }
            delay = failure.retryAfterMs();
        } else {
            delay = backoff(tries);
        }
        if (usableMillis(deadline) - delay < timeouts.minAttempt().toMillis()) {
            return failure;
        }
        return failure.retryAfterDelay(delay);
    }

    /**
     * Exponential backoff with "equal jitter": half fixed, half random. The clock is mixed into the
     * random part so that environments restored from one SnapStart snapshot do not share a sequence.
     */
    private long backoff(int tries) {
        long initial = retry.initialBackoff().toMillis();
        long exponential = Math.min(retry.maxBackoff().toMillis(), initial << Math.min(tries - 1, 20));
        long half = exponential / 2;
        return half + Math.floorMod(ThreadLocalRandom.current().nextLong() ^ System.nanoTime(), half + 1);
    }

    private ModelCallException failureOf(RuntimeException e, long timeoutMs) {
        if (e instanceof io.smallrye.mutiny.TimeoutException || hasCause(e, java.util.concurrent.TimeoutException.class)
                || hasCause(e, java.net.SocketTimeoutException.class)) {
            return new ModelCallException(FailureReason.TIMEOUT, "no answer within " + timeoutMs + " ms");
        }
        WebApplicationException http = cause(e, WebApplicationException.class);
        if (http != null && http.getResponse() != null) {
            return failureOf(http.getResponse());
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
     * An HTTP error as the official SDKs read it: 408, 409, 429 and every status from 500 on (520 and
     * 524 included) are worth another try; {@code x-should-retry} overrides that. The body decides
     * what a 429 or 403 means: no quota left is not a rate limit, and input flagged by moderation is
     * not a refused key.
     */
    private ModelCallException failureOf(Response response) {
        int status = response.getStatus();
        long retryAfter = retryAfterMillis(response.getHeaderString("retry-after-ms"),
                response.getHeaderString("Retry-After"));
        ProviderError error = status == 402 || status == 403 || status == 429 ? ProviderError.of(body(response))
                : ProviderError.NONE;
        ModelCallException failure;
        if (status == 401 || (status == 403 && !error.flaggedInput())) {
            failure = blocked(FailureReason.UNAUTHORIZED, status);
        } else if (status == 403) {
            failure = new ModelCallException(FailureReason.REFUSED, status, -1, "HTTP 403: the input was refused");
        } else if (status == 402 || (status == 429 && error.insufficientQuota())) {
            failure = blocked(FailureReason.QUOTA_EXCEEDED, status);
        } else if (status == 429) {
            failure = new ModelCallException(FailureReason.RATE_LIMITED, status, retryAfter, "HTTP 429");
        } else if (status == 408) {
            failure = new ModelCallException(FailureReason.TIMEOUT, status, retryAfter, "HTTP 408");
        } else if (status == 409 || status >= 500) {
            failure = new ModelCallException(FailureReason.UNAVAILABLE, status, retryAfter, "HTTP " + status);
        } else {
            failure = new ModelCallException(FailureReason.MODEL_ERROR, status, retryAfter, "HTTP " + status);
        }
        return failure.withServerSaysRetry(shouldRetryHeader(response.getHeaderString("x-should-retry")));
    }

    private static Boolean shouldRetryHeader(String header) {
        if ("true".equals(header)) {
            return Boolean.TRUE;
        }
        return "false".equals(header) ? Boolean.FALSE : null;
    }

    private static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
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

    /**
     * The delay an endpoint asks for, in milliseconds, read as openai-python reads it: the
     * non-standard {@code retry-after-ms} first, then {@code Retry-After} as seconds (fractions
     * allowed) or as an HTTP date; -1 when neither is there or readable.
     */
    static long retryAfterMillis(String retryAfterMs, String retryAfter) {
        if (retryAfterMs != null && !retryAfterMs.isBlank()) {
            try {
                double ms = Double.parseDouble(retryAfterMs.trim());
                if (Double.isFinite(ms)) {
                    return Math.max(0, (long) ms);
                }
            } catch (NumberFormatException notANumber) {
                // fall through to Retry-After
            }
        }
        return retryAfterMillis(retryAfter);
    }

    /** {@code Retry-After} as delta-seconds or HTTP-date, in milliseconds; -1 when absent or unreadable. */
    static long retryAfterMillis(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        String value = header.trim();
        try {
            return Math.max(0, (long) (Double.parseDouble(value) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, at.toInstant().toEpochMilli() - System.currentTimeMillis());
            } catch (RuntimeException notDate) {
                return -1;
            }
        }
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
