package dev.nanoclassifier.classifier.model;

import java.util.Locale;

/** Why a step of the chain did not answer; the wire name is the response's {@code reason}. */
public enum FailureReason {
    /** The attempt ran out of its time. */
    TIMEOUT,
    /** 429 from the endpoint. */
    RATE_LIMITED,
    /**
     * 429 {@code insufficient_quota} (OpenAI) or 402 (OpenRouter): the account has no credit left. Not
     * retried, and the endpoint is skipped for a while like one that refused the key.
     */
    QUOTA_EXCEEDED,
    /**
     * 5xx, 409, a connection error, or an error the endpoint reported inside a 200 answer
     * (OpenRouter: a top-level {@code error}, or {@code finish_reason: "error"}).
     */
    UNAVAILABLE,
    /** The endpoint's circuit breaker is open: not called. */
    CIRCUIT_OPEN,
    /** An answer that failed validation: malformed, outside the set, refused or truncated. */
    INVALID_ANSWER,
    /** 401, or a 403 about the key: it is wrong or lacks access. */
    UNAUTHORIZED,
    /**
     * The endpoint refused this request's input (OpenRouter's 403 for input flagged by moderation or
     * blocked by a guardrail): this step fails, the endpoint stays in use.
     */
    REFUSED,
    /** Too little time was left before the Lambda deadline to try. */
    DEADLINE,
    /** Another 4xx (unknown model, bad parameter): a configuration problem. */
    MODEL_ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
