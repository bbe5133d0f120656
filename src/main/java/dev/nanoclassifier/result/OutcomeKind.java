package dev.nanoclassifier.result;

import java.util.Locale;

/**
 * How one request ended, the same for every trigger; the wire name is the {@code outcome} of the
 * request log line and of a queued result.
 */
public enum OutcomeKind {
    /** A step of the chain answered (possibly degraded). */
    ANSWERED,
    /** The request was refused (invalid, over budget, too large): retrying it cannot help. */
    REJECTED,
    /** No allowed step could answer, or the function failed: retrying may help. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
