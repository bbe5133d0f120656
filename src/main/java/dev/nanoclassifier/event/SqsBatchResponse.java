package dev.nanoclassifier.event;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The partial batch response: the records SQS must deliver again, by message id:
 * {@code {"batchItemFailures":[{"itemIdentifier":"..."}]}}.
 */
@RegisterForReflection
public record SqsBatchResponse(List<ItemFailure> batchItemFailures) implements WritesOwnJson {

    @RegisterForReflection
    public record ItemFailure(String itemIdentifier) {
    }

    public static SqsBatchResponse of(List<String> failedMessageIds) {
        return new SqsBatchResponse(failedMessageIds.stream().map(ItemFailure::new).toList());
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        if (batchItemFailures == null) {
            g.writeNullField("batchItemFailures");
        } else {
            g.writeArrayFieldStart("batchItemFailures");
            for (ItemFailure failure : batchItemFailures) {
                g.writeStartObject();
                g.writeStringField("itemIdentifier", failure.itemIdentifier());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
