package dev.nanoclassifier.classifier.model;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JacksonException;

import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.config.ClassifierConfig;
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

    private final String model;
    private final String baseUrl;
    private final String authorization;
    private final OpenAiApi api;
    private final Guard guard;
    private final ClassifierConfig.Timeouts timeouts;
    private final ClassifierConfig.Retry retry;
    private final long blockAfterUnauthorizedMs;
    private final AtomicBoolean unauthorizedLogged = new AtomicBoolean();
    private volatile long blockedUntil;

    public ModelEndpoint(String name, String model, String baseUrl, String apiKey, ClassifierConfig config) {
        this.model = model;
        this.baseUrl = baseUrl;
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
                    .when(e -> !(e instanceof ModelCallException failure) || failure.reason() != FailureReason.DEADLINE)
                    .done()
                .build();
    }

    /** The model name as the endpoint knows it; the response's {@code model}. */
    @Override
    public String model() {
        return model;
    }

    @Override
    public List<String> call(ModelQuestion question, Deadline deadline, StepTally tally) {
        return call(question.forModel(model), deadline, question.reader(), tally);
    }

    /**
     * Asks the model, with retries, within the deadline. Returns the validated answer, or throws
     * the failure of the last try. {@code tally} receives the tries and every reported usage.
     */
    public <T> T call(ChatCompletionRequest body, Deadline deadline, AnswerReader<T> reader, StepTally tally) {
        if (System.currentTimeMillis() < blockedUntil) {
            throw new ModelCallException(FailureReason.UNAUTHORIZED, "skipped: the endpoint refused the key recently");
        }
        int[] invalidAnswers = { 0 };
        try {
            @SuppressWarnings("unchecked")
            T answer = (T) guard.call(() -> once(body, deadline, reader, tally, invalidAnswers), Object.class);
            unauthorizedLogged.set(false);
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
        ChatCompletionResponse response;
        try {
            response = api.complete(authorization, body).await().atMost(Duration.ofMillis(timeoutMs));
        } catch (RuntimeException e) {
            throw withRetryDecision(failureOf(e, timeoutMs), deadline, tally.tries(), invalidAnswers);
        }
        tally.received(response.usage());
        try {
            return reader.read(response);
        } catch (ModelCallException invalid) {
            throw withRetryDecision(invalid, deadline, tally.tries(), invalidAnswers);
        }
    }

    private long usableMillis(Deadline deadline) {
        return deadline.remainingMillis() - timeouts.deadlineMargin().toMillis();
    }

    private ModelCallException withRetryDecision(ModelCallException failure, Deadline deadline, int tries,
            int[] invalidAnswers) {
        if (!RETRYABLE.contains(failure.reason())) {
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
            int status = http.getResponse().getStatus();
            return switch (status) {
                case 429 -> new ModelCallException(FailureReason.RATE_LIMITED, status,
                        retryAfterMillis(http.getResponse().getHeaderString("Retry-After")), "HTTP 429");
                case 500, 502, 503, 504 -> new ModelCallException(FailureReason.UNAVAILABLE, status,
                        retryAfterMillis(http.getResponse().getHeaderString("Retry-After")), "HTTP " + status);
                case 401, 403 -> unauthorized(status);
                case 408 -> new ModelCallException(FailureReason.TIMEOUT, status, -1, "HTTP 408");
                default -> new ModelCallException(FailureReason.MODEL_ERROR, status, -1, "HTTP " + status);
            };
        }
        if (hasCause(e, JacksonException.class)) {
            return new ModelCallException(FailureReason.INVALID_ANSWER, "malformed response body");
        }
        if (hasCause(e, ConnectException.class)) {
            return new ModelCallException(FailureReason.UNAVAILABLE, "connection refused");
        }
        return new ModelCallException(FailureReason.UNAVAILABLE, "connection error: " + e.getClass().getSimpleName());
    }

    private ModelCallException unauthorized(int status) {
        blockedUntil = System.currentTimeMillis() + blockAfterUnauthorizedMs;
        if (unauthorizedLogged.compareAndSet(false, true)) {
            LOG.errorf("Model endpoint %s refused the API key for model %s with HTTP %d: check OPENAI_API_KEY or its "
                    + "secret. Not calling this endpoint again for %d ms.", baseUrl, model, status, blockAfterUnauthorizedMs);
        }
        return new ModelCallException(FailureReason.UNAUTHORIZED, status, -1, "HTTP " + status);
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
