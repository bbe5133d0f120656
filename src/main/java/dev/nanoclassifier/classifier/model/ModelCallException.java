package dev.nanoclassifier.classifier.model;

/**
 * One failed try of a model endpoint. {@code retryDelayMs} is negative when this failure must
 * not be retried (its kind is not retryable, or no retry fits what is left of the deadline).
 * The message is for logs: it never holds the key or the caller's text.
 */
public class ModelCallException extends RuntimeException {

    private final FailureReason reason;
    private final int status;
    private final long retryAfterMs;
    private long retryDelayMs = -1;
    private Boolean serverSaysRetry;

    public ModelCallException(FailureReason reason, int status, long retryAfterMs, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.status = status;
        this.retryAfterMs = retryAfterMs;
    }

    public ModelCallException(FailureReason reason, String message) {
        this(reason, 0, -1, message);
    }

    public FailureReason reason() {
        return reason;
    }

    /** HTTP status, 0 when there was none. */
    public int status() {
        return status;
    }

    /** The endpoint's {@code retry-after-ms} or {@code Retry-After} in milliseconds, -1 when absent. */
    public long retryAfterMs() {
        return retryAfterMs;
    }

    /** The endpoint's {@code x-should-retry} header: true or false when sent, else null. */
    public Boolean serverSaysRetry() {
        return serverSaysRetry;
    }

    ModelCallException withServerSaysRetry(Boolean shouldRetry) {
        this.serverSaysRetry = shouldRetry;
        return this;
    }

    public long retryDelayMs() {
        return retryDelayMs;
    }

    public boolean retryable() {
        return retryDelayMs >= 0;
    }

    ModelCallException retryAfterDelay(long delayMs) {
        this.retryDelayMs = delayMs;
        return this;
    }
}
