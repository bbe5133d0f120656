package dev.nanoclassifier.result;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

/**
 * A record that writes its own JSON ({@link #serialize}) instead of being bound by Jackson: on a
 * cold JVM, binding a record builds a method handle for each accessor on first use. No polymorphic
 * typing is configured for these records, so {@link #serializeWithType} writes the same JSON.
 */
interface WritesOwnJson extends JsonSerializable {

    @Override
    default void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSerializer)
            throws IOException {
        serialize(g, provider);
    }

    /** {@code "name":"value"}, or nothing when the value is null. */
    static void writeStringFieldIfSet(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** {@code "name":[...]} with each item's own JSON, or {@code "name":null}. */
    static void writeArrayField(JsonGenerator g, SerializerProvider provider, String name, List<? extends WritesOwnJson> items)
            throws IOException {
        g.writeFieldName(name);
        if (items == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (WritesOwnJson item : items) {
            item.serialize(g, provider);
        }
        g.writeEndArray();
    }
}
