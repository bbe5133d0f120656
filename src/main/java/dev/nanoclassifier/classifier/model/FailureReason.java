package dev.nanoclassifier.classifier.model;

import java.util.Locale;

/** Why a step of the chain did not answer; the wire name is the response's {@code reason}. */
public enum FailureReason {
    /** The attempt ran out of its time. */
    TIMEOUT,
    /** 429 from the endpoint. */
    RATE_LIMITED,
    /** 5xx or a connection error. */
    UNAVAILABLE,
    /** The endpoint's circuit breaker is open: not called. */
    CIRCUIT_OPEN,
    /** An answer that failed validation: malformed, outside the set, refused or truncated. */
    INVALID_ANSWER,
    /** 401 or 403: the key is wrong or lacks access. */
    UNAUTHORIZED,
    /** Too little time was left before the Lambda deadline to try. */
    DEADLINE,
    /** Another 4xx (unknown model, bad parameter): a configuration problem. */
    MODEL_ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
