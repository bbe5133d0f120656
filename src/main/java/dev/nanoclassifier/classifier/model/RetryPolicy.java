package dev.nanoclassifier.classifier.model;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

import dev.nanoclassifier.config.ClassifierConfig;

/**
 * Whether and when a failed try of a model endpoint is tried again, as the official SDKs decide:
 * what an HTTP status means, the endpoint's {@code x-should-retry} first, then the kind of failure;
 * the delay is the endpoint's {@code retry-after-ms}/{@code Retry-After} when it sent one, else
 * exponential backoff with jitter. Nothing is retried that cannot finish before the deadline.
 * Pure: the time left and the clock are given to it, the random source can be.
 */
final class RetryPolicy {

    private static final Set<FailureReason> RETRYABLE = Set.of(FailureReason.RATE_LIMITED, FailureReason.UNAVAILABLE,
            FailureReason.TIMEOUT, FailureReason.INVALID_ANSWER);
    /** Failures no header can make worth another try: the same call would fail the same way. */
    private static final Set<FailureReason> NEVER_RETRIED = Set.of(FailureReason.UNAUTHORIZED,
            FailureReason.QUOTA_EXCEEDED, FailureReason.REFUSED, FailureReason.DEADLINE);

    private final long initialBackoffMs;
    private final long maxBackoffMs;
    private final long maxRetryAfterMs;
    private final long minAttemptMs;
    private final LongSupplier random;

    RetryPolicy(ClassifierConfig.Retry retry, ClassifierConfig.Timeouts timeouts) {
        // The clock is mixed into the random part so that environments restored from one SnapStart
        // snapshot do not share a sequence.
        this(retry.initialBackoff().toMillis(), retry.maxBackoff().toMillis(), retry.maxRetryAfter().toMillis(),
                timeouts.minAttempt().toMillis(), () -> ThreadLocalRandom.current().nextLong() ^ System.nanoTime());
    }

    RetryPolicy(long initialBackoffMs, long maxBackoffMs, long maxRetryAfterMs, long minAttemptMs, LongSupplier random) {
        this.initialBackoffMs = initialBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.maxRetryAfterMs = maxRetryAfterMs;
        this.minAttemptMs = minAttemptMs;
        this.random = random;
    }

    /**
     * An HTTP error as the official SDKs read it: 408, 409, 429 and every status from 500 on (520 and
     * 524 included) are worth another try. The body decides what a 429 or 403 means: no quota left
     * is not a rate limit, and input flagged by moderation is not a refused key.
     */
    static FailureReason reasonOf(int status, ProviderError error) {
        if (status == 401 || (status == 403 && !error.flaggedInput())) {
            return FailureReason.UNAUTHORIZED;
        }
        if (status == 403) {
            return FailureReason.REFUSED;
        }
        if (status == 402 || (status == 429 && error.insufficientQuota())) {
            return FailureReason.QUOTA_EXCEEDED;
        }
        if (status == 429) {
            return FailureReason.RATE_LIMITED;
        }
        if (status == 408) {
            return FailureReason.TIMEOUT;
        }
        if (status == 409 || status >= 500) {
            return FailureReason.UNAVAILABLE;
        }
        return FailureReason.MODEL_ERROR;
    }

    /**
     * The delay before the next try in milliseconds, or -1 when {@code failure} is not retried.
     *
     * @param tries the tries made so far, this one included
     * @param invalidAnswers the invalid answers so far, this one included: a wrong or malformed
     *        answer is retried once, never more
     * @param usableMs what is left of the deadline less the margin
     */
    long delayMs(ModelCallException failure, int tries, int invalidAnswers, long usableMs) {
        if (NEVER_RETRIED.contains(failure.reason())) {
            return -1;
        }
        boolean retryable = failure.serverSaysRetry() != null ? failure.serverSaysRetry()
                : RETRYABLE.contains(failure.reason());
        if (!retryable) {
            return -1;
        }
        if (failure.reason() == FailureReason.INVALID_ANSWER && invalidAnswers > 1) {
            return -1;
        }
        long delay;
        if (failure.retryAfterMs() >= 0) {
            if (failure.retryAfterMs() > maxRetryAfterMs) {
                return -1;
            }
            delay = failure.retryAfterMs();
        } else {
            delay = backoff(tries);
        }
        if (usableMs - delay < minAttemptMs) {
            return -1;
        }
        return delay;
    }

    /** Exponential backoff with "equal jitter": half fixed, half random, capped at the maximum backoff. */
    long backoff(int tries) {
        long exponential = Math.min(maxBackoffMs, initialBackoffMs << Math.min(tries - 1, 20));
        long half = exponential / 2;
        return half + Math.floorMod(random.getAsLong(), half + 1);
    }

    /** {@code x-should-retry}: true or false when the endpoint sent it, else null. */
    static Boolean shouldRetryHeader(String header) {
        if ("true".equals(header)) {
            return Boolean.TRUE;
        }
        return "false".equals(header) ? Boolean.FALSE : null;
    }

    /**
     * The delay an endpoint asks for, in milliseconds, read as openai-python reads it: the
     * non-standard {@code retry-after-ms} first, then {@code Retry-After} as seconds (fractions
     * allowed) or as an HTTP date; -1 when neither is there or readable.
     */
    static long retryAfterMillis(String retryAfterMs, String retryAfter, long nowMillis) {
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
        return retryAfterMillis(retryAfter, nowMillis);
    }

    /** {@code Retry-After} as delta-seconds or HTTP-date, in milliseconds; -1 when absent or unreadable. */
    static long retryAfterMillis(String header, long nowMillis) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        String value = header.trim();
        try {
            return Math.max(0, (long) (Double.parseDouble(value) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, at.toInstant().toEpochMilli() - nowMillis);
            } catch (RuntimeException notDate) {
                return -1;
            }
        }
    }
}
