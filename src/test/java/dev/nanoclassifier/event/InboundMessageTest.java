package dev.nanoclassifier.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading the messages of SQS, SNS and EventBridge events: id, body and FIFO group, in delivery order. */
class InboundMessageTest {

    @Test
    void everyRecordOfAStandardQueueBatchIsReadInOrderWithoutAGroup() {
        JsonNode event = EventFixtures.read("sqs-batch.json");

        List<InboundMessage> messages = InboundMessage.ofSqs(event, EventFixtures.JSON);

        assertEquals(List.of("d9144555-9a4f-4ec3-99a0-34ce359b4b54", "e9144555-9a4f-4ec3-99a0-34ce359b4b54",
                "f9144555-9a4f-4ec3-99a0-34ce359b4b54"), messages.stream().map(InboundMessage::messageId).toList());
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

        List<InboundMessage> messages = InboundMessage.ofSqs(event, EventFixtures.JSON);

        assertEquals(List.of("customer-7", "customer-9", "customer-7"),
                messages.stream().map(InboundMessage::messageGroupId).toList());
    }

    @Test
    void aNonStringGroupIdIsNoGroup() {
        ObjectNode event = EventFixtures.read("sqs-single.json");
        attributes(event, 0).put("MessageGroupId", 7);

        assertNull(InboundMessage.ofSqs(event, EventFixtures.JSON).get(0).messageGroupId());
    }

    @Test
    void anEmptyBodyStaysEmptyAndAMissingBodyIsNull() {
        ObjectNode event = EventFixtures.read("sqs-single.json");
        ((ObjectNode) event.get("Records").get(0)).remove("body");

        assertEquals("", InboundMessage.ofSqs(EventFixtures.read("sqs-empty-body.json"), EventFixtures.JSON).get(0).body());
        assertEquals("d9144555-9a4f-4ec3-99a0-34ce359b4b54",
                InboundMessage.ofSqs(event, EventFixtures.JSON).get(0).messageId());
        assertNull(InboundMessage.ofSqs(event, EventFixtures.JSON).get(0).body());
    }

    @Test
    void anSnsEnvelopeInAnSqsRecordIsUnwrappedToItsMessageKeepingTheRecordsId() {
        List<InboundMessage> messages = InboundMessage.ofSqs(EventFixtures.read("sqs-sns-envelope.json"),
                EventFixtures.JSON);

        assertEquals(List.of(new InboundMessage("79406a00-bf15-46ca-978c-22c3613fcb30",
                "{\"message\": \"hello world\", \"username\": \"lessa\"}", null)), messages);
    }

    @Test
    void anSnsEnvelopeFromAFifoTopicKeepsTheQueuesMessageGroup() {
        InboundMessage message = InboundMessage.ofSqs(EventFixtures.read("sqs-sns-envelope-fifo.json"),
                EventFixtures.JSON).get(0);

        assertEquals("69bc4bbd-ed69-4325-a434-85c3b428ceab", message.messageId());
        assertEquals("powertools-test", message.messageGroupId());
        assertEquals("{\"message\": \"hello world\", \"username\": \"lessa\"}", message.body());
    }

    @Test
    void aBodyThatOnlyMentionsNotificationIsNotUnwrapped() {
        ObjectNode event = EventFixtures.read("sqs-single.json");
        String body = "{\"input\":\"Notification of a refund\",\"labels\":[\"billing\",\"bug\"]}";
        ((ObjectNode) event.get("Records").get(0)).put("body", body);

        assertEquals(body, InboundMessage.ofSqs(event, EventFixtures.JSON).get(0).body());
    }

    @Test
    void anSnsNotificationIsItsMessageUnderTheSnsMessageId() {
        List<InboundMessage> messages = InboundMessage.ofSns(EventFixtures.read("sns-notification.json"));

        assertEquals(List.of(new InboundMessage("dc918f50-80c6-56a2-ba33-d8a9bbf013ab",
                "{\n  \"id\": 42,\n  \"name\": \"Bob\"\n}", null)), messages);
    }

    @Test
    void anEventBridgeEventIsItsDetailUnderTheEventId() throws Exception {
        List<InboundMessage> messages = InboundMessage.ofEventBridge(EventFixtures.read("eventbridge-custom.json"));

        assertEquals(1, messages.size());
        assertEquals("6a7e8feb-b491-4cf7-a9f1-bf3703467718", messages.get(0).messageId());
        assertEquals(EventFixtures.JSON.readTree("{\"instance_id\":\"i-1234567890abcdef0\",\"state\":\"terminated\"}"),
                EventFixtures.JSON.readTree(messages.get(0).body()));
        assertNull(messages.get(0).messageGroupId());
    }

    @Test
    void anEventBridgeEventWithoutDetailHasNoBody() {
        ObjectNode event = EventFixtures.read("eventbridge-scheduled.json");
        event.remove("detail");

        assertNull(InboundMessage.ofEventBridge(event).get(0).body());
    }

    @Test
    void anEventWithoutRecordsHasNoMessages() {
        assertEquals(List.of(), InboundMessage.ofSqs(EventFixtures.JSON.createObjectNode(), EventFixtures.JSON));
    }

    private static void fifo(ObjectNode event, int record, String group, String sequence) {
        attributes(event, record).put("MessageGroupId", group).put("SequenceNumber", sequence)
                .put("MessageDeduplicationId", "dedup-" + sequence);
    }

    private static ObjectNode attributes(ObjectNode event, int record) {
        return (ObjectNode) event.get("Records").get(record).get("attributes");
    }
}
