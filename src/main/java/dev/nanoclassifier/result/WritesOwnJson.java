package dev.nanoclassifier.result;

import java.io.IOException;

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
}
