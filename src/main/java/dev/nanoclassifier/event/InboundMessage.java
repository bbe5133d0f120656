package dev.nanoclassifier.event;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One request of a trigger that delivers messages rather than waiting for an answer: an SQS
 * record, an SNS notification or an EventBridge event. Each has the id its result is written
 * under ({@code sourceMessageId}), its body (the request JSON), and its FIFO group if any.
 */
public record InboundMessage(String messageId, String body, String messageGroupId) {

    /**
     * The records of an SQS event. A body that is an SNS notification envelope (an SNS
     * subscription with raw message delivery off) is unwrapped to the notification's
     * {@code Message}; the id and group stay the SQS record's. {@code json} reads such an envelope.
     */
    public static List<InboundMessage> ofSqs(JsonNode event, ObjectMapper json) {
        JsonNode records = event.path("Records");
        List<InboundMessage> messages = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            JsonNode group = record.path("attributes").path("MessageGroupId");
            String body = unwrapSns(record.path("body").asText(null), json);
            messages.add(new InboundMessage(record.path("messageId").asText(), body, group.isTextual() ? group.asText() : null));
        }
        return messages;
    }

    /** The notifications of an SNS event (SNS delivers one per invocation), by SNS message id. */
    public static List<InboundMessage> ofSns(JsonNode event) {
        JsonNode records = event.path("Records");
        List<InboundMessage> messages = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            JsonNode sns = record.path("Sns");
            messages.add(new InboundMessage(sns.path("MessageId").asText(), sns.path("Message").asText(null), null));
        }
        return messages;
    }

    /** An EventBridge event: its {@code detail} is the request, its {@code id} the message id. */
    public static List<InboundMessage> ofEventBridge(JsonNode event) {
        JsonNode detail = event.get("detail");
        return List.of(new InboundMessage(event.path("id").asText(), detail == null || detail.isNull() ? null : detail.toString(),
                null));
    }

    /** The {@code Message} of an SNS notification envelope; any other body as it is. */
    private static String unwrapSns(String body, ObjectMapper json) {
        if (body == null || !body.contains("\"Notification\"")) {
            return body;
        }
        try {
            JsonNode envelope = json.readTree(body);
            if (envelope != null && "Notification".equals(envelope.path("Type").asText())
                    && envelope.path("TopicArn").isTextual() && envelope.path("Message").isTextual()) {
                return envelope.get("Message").asText();
            }
        } catch (IOException e) {
            // Not JSON: the request reader will say so.
        }
        return body;
    }
}
