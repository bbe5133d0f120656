package dev.nanoclassifier.result;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer to one request, the same JSON for every trigger. {@code label}/{@code labels} are
 * set for a classification, {@code ranking} for a ranking. {@code model} is what answered,
 * {@code degraded} says a step of the chain failed first and {@code reason} why.
 *
 * <p>Built through the named factories ({@link #classified}, {@link #ranked}, {@link #fromCache},
 * {@link #withLatency}); the canonical constructor fixes the JSON field order.
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

    /**
     * A classification: {@code labels} best first ({@code label} is the first). {@code reason} is
     * the first failure of the chain, null when the first step answered; {@code truncations} what
     * was cut to fit the budgets.
     */
    public static ClassificationResult classified(String id, String classifier, List<String> labels, String model,
            String reason, List<Attempt> attempts, Usage usage, List<Truncation> truncations) {
        List<String> all = List.copyOf(labels);
        return new ClassificationResult(id, "classify", classifier, all.get(0), all, null, model, reason != null, reason,
                attempts, usage, !truncations.isEmpty(), truncations, false, 0);
    }

    /** A ranking: {@code idsBestFirst} become ranks 1, 2, ... Otherwise as {@link #classified}. */
    public static ClassificationResult ranked(String id, List<String> idsBestFirst, String model, String reason,
            List<Attempt> attempts, Usage usage, List<Truncation> truncations) {
        List<RankedItem> ranking = new ArrayList<>(idsBestFirst.size());
        for (int i = 0; i < idsBestFirst.size(); i++) {
            ranking.add(new RankedItem(idsBestFirst.get(i), i + 1));
        }
        return new ClassificationResult(id, "rank", null, null, null, ranking, model, reason != null, reason, attempts,
                usage, !truncations.isEmpty(), truncations, false, 0);
    }

    /** The same answer served again from the cache of this execution environment. */
    public ClassificationResult fromCache(String newId, long ms) {
        return new ClassificationResult(newId, task, classifier, label, labels, ranking, model, degraded, reason,
                List.of(new Attempt("cache", "hit", ms, null)), Usage.NONE, truncated, truncations, true, ms);
    }

    /** This answer with the time it took, measured by whoever produced it. */
    public ClassificationResult withLatency(long ms) {
        return new ClassificationResult(id, task, classifier, label, labels, ranking, model, degraded, reason, attempts,
                usage, truncated, truncations, cached, ms);
    }
}
