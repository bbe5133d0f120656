package dev.nanoclassifier.result;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One candidate in a ranking; rank 1 is the best. */
@RegisterForReflection
public record RankedItem(String id, int rank) implements WritesOwnJson {

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeNumberField("rank", rank);
        g.writeEndObject();
    }
}
