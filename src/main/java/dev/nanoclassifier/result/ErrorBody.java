package dev.nanoclassifier.result;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code {"error":{"code":"invalid_request","message":"labels: at least 2 labels are required","field":"labels"}}};
 * the error's null fields are left out.
 */
@RegisterForReflection
public record ErrorBody(Error error) implements WritesOwnJson {

    @RegisterForReflection
    public record Error(String code, String message, String field, String reason, List<Attempt> attempts)
            implements WritesOwnJson {

        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            WritesOwnJson.writeStringFieldIfSet(g, "code", code);
            WritesOwnJson.writeStringFieldIfSet(g, "message", message);
            WritesOwnJson.writeStringFieldIfSet(g, "field", field);
            WritesOwnJson.writeStringFieldIfSet(g, "reason", reason);
            if (attempts != null) {
                WritesOwnJson.writeArrayField(g, provider, "attempts", attempts);
            }
            g.writeEndObject();
        }
    }

    public static ErrorBody of(String code, String message, String field) {
        return new ErrorBody(new Error(code, message, field, null, null));
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeFieldName("error");
        if (error == null) {
            g.writeNull();
        } else {
            error.serialize(g, provider);
        }
        g.writeEndObject();
    }
}
