package dev.nanoclassifier.result;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One step of the fallback chain as it happened: the model (or {@code local}, {@code default},
 * {@code cache}), its outcome ({@code ok} or a failure reason), its milliseconds and HTTP tries, and
 * what was repaired in its answer instead of asking again (e.g. {@code "dropped 1 repeated id"}).
 */
@RegisterForReflection
public record Attempt(String step, String outcome, long ms, Integer tries, String repaired) implements WritesOwnJson {

    public static final String OK = "ok";

    public Attempt(String step, String outcome, long ms, Integer tries) {
        this(step, outcome, ms, tries, null);
    }

    /** {@code {"step":...,"outcome":...,"ms":...,"tries":...,"repaired":...}}, null fields left out. */
    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        WritesOwnJson.writeStringFieldIfSet(g, "step", step);
        WritesOwnJson.writeStringFieldIfSet(g, "outcome", outcome);
        g.writeNumberField("ms", ms);
        if (tries != null) {
            g.writeNumberField("tries", tries);
        }
        WritesOwnJson.writeStringFieldIfSet(g, "repaired", repaired);
        g.writeEndObject();
    }
}
