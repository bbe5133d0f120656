package dev.nanoclassifier.result;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import dev.nanoclassifier.classifier.budget.Truncation;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer to one request, the same JSON for every trigger. {@code label}/{@code labels} are
 * set for a classification, {@code ranking} for a ranking. {@code model} is what answered,
 * {@code degraded} says a step of the chain failed first and {@code reason} why.
 */
@RegisterForReflection
public record ClassificationResult(
        String id,
        String task,
        @JsonInclude(Include.NON_NULL) String classifier,
        @JsonInclude(Include.NON_NULL) String label,
        @JsonInclude(Include.NON_NULL) List<String> labels,
        @JsonInclude(Include.NON_NULL) List<RankedItem> ranking,
        String model,
        boolean degraded,
        String reason,
        List<Attempt> attempts,
        Usage usage,
        boolean truncated,
        @JsonInclude(Include.NON_EMPTY) List<Truncation> truncations,
        boolean cached,
        long latencyMs) {

    /** The same answer served again from the cache of this execution environment. */
    public ClassificationResult fromCache(String newId, long ms) {
        return new ClassificationResult(newId, task, classifier, label, labels, ranking, model, degraded, reason,
                List.of(new Attempt("cache", "hit", ms, null)), Usage.NONE, truncated, truncations, true, ms);
    }

    public ClassificationResult withLatency(long ms) {
        return new ClassificationResult(id, task, classifier, label, labels, ranking, model, degraded, reason, attempts,
                usage, truncated, truncations, cached, ms);
    }
}
