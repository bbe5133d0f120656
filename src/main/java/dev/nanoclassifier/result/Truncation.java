package dev.nanoclassifier.result;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A part of the request that was cut to fit its token budget, with its size before and after. */
@RegisterForReflection
public record Truncation(String field, int tokensBefore, int tokensAfter) implements WritesOwnJson {

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeStringField("field", field);
        g.writeNumberField("tokensBefore", tokensBefore);
        g.writeNumberField("tokensAfter", tokensAfter);
        g.writeEndObject();
    }
}
