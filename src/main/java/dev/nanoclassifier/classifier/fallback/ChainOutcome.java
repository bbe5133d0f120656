package dev.nanoclassifier.classifier.fallback;

import java.util.List;

import dev.nanoclassifier.classifier.model.FailureReason;
import dev.nanoclassifier.result.Attempt;
import dev.nanoclassifier.result.Usage;

/**
 * What the fallback chain produced: the answer (labels, or candidate ids best first), the step
 * that gave it, every step tried, and what all of them consumed.
 */
public record ChainOutcome(List<String> answer, String model, List<Attempt> attempts, FailureReason firstFailure,
        Usage usage) {

    public boolean degraded() {
        return firstFailure != null;
    }
}
