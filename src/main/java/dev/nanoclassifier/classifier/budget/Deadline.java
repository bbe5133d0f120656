package dev.nanoclassifier.classifier.budget;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * When the invocation must have answered, as wall-clock milliseconds. Every time limit of the
 * invocation is derived from it.
 */
public record Deadline(long epochMillis) {

    /** Longest timeout a Lambda function can have; a larger remaining time is not a real deadline. */
    private static final long LAMBDA_MAX_MS = 15 * 60 * 1000L;

    public static Deadline in(long millis) {
        return new Deadline(System.currentTimeMillis() + millis);
    }

    /**
     * The invocation's deadline. When the runtime reports none (the local test event server sends
     * no {@code Lambda-Runtime-Deadline-Ms}, which makes the remaining time meaningless), the
     * {@code assumedMillis} are used.
     */
    public static Deadline of(Context context, long assumedMillis) {
        long remaining = context == null ? -1 : context.getRemainingTimeInMillis();
        if (remaining <= 0 || remaining > LAMBDA_MAX_MS) {
            return in(assumedMillis);
        }
        return in(remaining);
    }

    /** The earlier of this deadline and {@code epochMillis}. */
    public Deadline notAfter(long epochMillis) {
        return epochMillis < this.epochMillis ? new Deadline(epochMillis) : this;
    }

    public long remainingMillis() {
        return epochMillis - System.currentTimeMillis();
    }
}
