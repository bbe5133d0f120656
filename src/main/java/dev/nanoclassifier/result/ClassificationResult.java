package dev.nanoclassifier.result;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer to one request, the same JSON for every trigger. {@code label}/{@code labels} are
 * set for a classification, {@code ranking} for a ranking. {@code model} is what answered,
 * {@code degraded} says a step of the chain failed first and {@code reason} why.
 *
 * <p>Built through the named factories ({@link #classified}, {@link #ranked}, {@link #fromCache},
 * {@link #withLatency}). {@link #serialize} writes its JSON: the fields in the order of the record,
 * {@code classifier}, {@code label}, {@code labels} and {@code ranking} only when set,
 * {@code truncations} only when there are some.
 *
 * <p>The JSON of the answer and of the events that carry it is written field by field
 * ({@link JsonSerializable}), not by binding the records: on a cold JVM, binding makes the JDK build
 * a method handle for every accessor on first use, tens of milliseconds of the first invocation
 * (bench/README.md, "Init breakdown").
 */
@RegisterForReflection
public record ClassificationResult(
        String id,
        String task,
        String classifier,
        String label,
        List<String> labels,
        List<RankedItem> ranking,
        String model,
        boolean degraded,
        String reason,
        List<Attempt> attempts,
        Usage usage,
        boolean truncated,
        List<Truncation> truncations,
        boolean cached,
        long latencyMs) implements WritesOwnJson {

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

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("task", task);
        WritesOwnJson.writeStringFieldIfSet(g, "classifier", classifier);
        WritesOwnJson.writeStringFieldIfSet(g, "label", label);
        if (labels != null) {
            g.writeArrayFieldStart("labels");
            for (String l : labels) {
                g.writeString(l);
            }
            g.writeEndArray();
        }
        if (ranking != null) {
            WritesOwnJson.writeArrayField(g, provider, "ranking", ranking);
        }
        g.writeStringField("model", model);
        g.writeBooleanField("degraded", degraded);
        g.writeStringField("reason", reason);
        WritesOwnJson.writeArrayField(g, provider, "attempts", attempts);
        g.writeFieldName("usage");
        if (usage == null) {
            g.writeNull();
        } else {
            usage.serialize(g, provider);
        }
        g.writeBooleanField("truncated", truncated);
        if (truncations != null && !truncations.isEmpty()) {
            WritesOwnJson.writeArrayField(g, provider, "truncations", truncations);
        }
        g.writeBooleanField("cached", cached);
        g.writeNumberField("latencyMs", latencyMs);
        g.writeEndObject();
    }
}
