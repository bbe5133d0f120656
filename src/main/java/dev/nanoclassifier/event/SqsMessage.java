package dev.nanoclassifier.event;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** One record of an SQS event: its id, its body (one request), and its FIFO group if any. */
public record SqsMessage(String messageId, String body, String messageGroupId) {

    public static List<SqsMessage> allOf(JsonNode event) {
        JsonNode records = event.path("Records");
        List<SqsMessage> messages = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            JsonNode group = record.path("attributes").path("MessageGroupId");
            messages.add(new SqsMessage(record.path("messageId").asText(), record.path("body").asText(null),
                    group.isTextual() ? group.asText() : null));
        }
        return messages;
    }
}
