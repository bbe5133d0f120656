package dev.nanoclassifier.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading the records of an SQS event: id, body and FIFO group, in delivery order. */
class SqsMessageTest {

    @Test
    void everyRecordOfAStandardQueueBatchIsReadInOrderWithoutAGroup() {
        JsonNode event = EventFixtures.read("sqs-batch.json");

        List<SqsMessage> messages = SqsMessage.allOf(event);

        assertEquals(List.of("d9144555-9a4f-4ec3-99a0-34ce359b4b54", "e9144555-9a4f-4ec3-99a0-34ce359b4b54",
                "f9144555-9a4f-4ec3-99a0-34ce359b4b54"), messages.stream().map(SqsMessage::messageId).toList());
        assertEquals("{\n  \"id\": 12345,\n  \"name\": \"product5\",\n  \"price\": 45\n}", messages.get(1).body());
        assertEquals(List.of(), messages.stream().filter(m -> m.messageGroupId() != null).toList());
    }

    @Test
    void aFifoRecordCarriesItsMessageGroupId() {
        // The attributes a FIFO queue adds to each record (AWS Lambda developer guide, "Using Lambda with Amazon SQS").
        ObjectNode event = EventFixtures.read("sqs-batch.json");
        fifo(event, 0, "customer-7", "1");
        fifo(event, 1, "customer-9", "2");
        fifo(event, 2, "customer-7", "3");

        List<SqsMessage> messages = SqsMessage.allOf(event);

        assertEquals(List.of("customer-7", "customer-9", "customer-7"),
                messages.stream().map(SqsMessage::messageGroupId).toList());
    }

    @Test
    void aNonStringGroupIdIsNoGroup() {
        ObjectNode event = EventFixtures.read("sqs-single.json");
        attributes(event, 0).put("MessageGroupId", 7);

        assertNull(SqsMessage.allOf(event).get(0).messageGroupId());
    }

    @Test
    void aRecordWithoutBodyHasANullBodyAndKeepsItsId() {
        ObjectNode event = EventFixtures.read("sqs-single.json");
        ((ObjectNode) event.get("Records").get(0)).remove("body");

        SqsMessage message = SqsMessage.allOf(event).get(0);

        assertEquals("d9144555-9a4f-4ec3-99a0-34ce359b4b54", message.messageId());
        assertNull(message.body());
    }

    @Test
    void anEventWithoutRecordsHasNoMessages() {
        assertEquals(List.of(), SqsMessage.allOf(EventFixtures.JSON.createObjectNode()));
    }

    private static void fifo(ObjectNode event, int record, String group, String sequence) {
        attributes(event, record).put("MessageGroupId", group).put("SequenceNumber", sequence)
                .put("MessageDeduplicationId", "dedup-" + sequence);
    }

    private static ObjectNode attributes(ObjectNode event, int record) {
        return (ObjectNode) event.get("Records").get(record).get("attributes");
    }
}
