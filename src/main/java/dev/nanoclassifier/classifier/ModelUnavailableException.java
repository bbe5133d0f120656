package dev.nanoclassifier.classifier;

import java.util.List;

import dev.nanoclassifier.classifier.model.FailureReason;
import dev.nanoclassifier.result.Attempt;

/**
 * No step that the request allowed could answer (the primary model failed with
 * {@code "fallback":"none"}, or the whole chain failed). API Gateway: 504 on a timeout, else 503
 * (with {@code Retry-After} when rate limited or the circuit is open); SQS: the record is retried;
 * direct invocation: this error type.
 */
public class ModelUnavailableException extends RuntimeException {

    private final FailureReason reason;
    private final long retryAfterMs;
    private final transient List<Attempt> attempts;

    public ModelUnavailableException(FailureReason reason, long retryAfterMs, List<Attempt> attempts) {
        super("model unavailable: " + reason.wireName(), null, false, false);
        this.reason = reason;
        this.retryAfterMs = retryAfterMs;
        this.attempts = List.copyOf(attempts);
    }

    public FailureReason reason() {
        return reason;
    }

    /** How long the caller should wait before trying again; -1 when unknown. */
    public long retryAfterMs() {
        return retryAfterMs;
    }

    public List<Attempt> attempts() {
        return attempts;
    }
}
