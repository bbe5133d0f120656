package dev.nanoclassifier.classifier.fallback;

import java.util.List;

import dev.nanoclassifier.classifier.model.FailureReason;
import dev.nanoclassifier.result.Attempt;
import dev.nanoclassifier.result.Usage;

/**
 * What the fallback chain produced: the answer (labels, or candidate ids best first), the step
 * that gave it, every step tried, and what all of them consumed. When no allowed step could
 * answer, {@code answer} is null ({@link #answered()} is false), {@code firstFailure} says why and
 * {@code retryAfterMs} how long to wait (-1 when unknown).
 */
public record ChainOutcome(List<String> answer, String model, List<Attempt> attempts, FailureReason firstFailure,
        Usage usage, long retryAfterMs) {

    static ChainOutcome answered(List<String> answer, String model, List<Attempt> attempts, FailureReason firstFailure,
            Usage usage) {
        return new ChainOutcome(answer, model, attempts, firstFailure, usage, -1);
    }

    static ChainOutcome exhausted(FailureReason reason, long retryAfterMs, List<Attempt> attempts, Usage usage) {
        return new ChainOutcome(null, null, List.copyOf(attempts), reason, usage, retryAfterMs);
    }

    /** True when a step answered; false when the chain ran out of steps. */
    public boolean answered() {
        return answer != null;
    }

    /** A step failed before one answered. */
    public boolean degraded() {
        return firstFailure != null;
    }
}
