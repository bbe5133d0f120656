package dev.nanoclassifier.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.support.StdoutCapture;

/** The debug sample line on AWS's own sample events: metadata, never a body, input or header value. */
class DebugSampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_INPUT = "my card 4111 1111 1111 1111";

    private static ObjectNode fixture(String name) throws IOException {
        try (InputStream in = DebugSampleTest.class.getResourceAsStream("/events/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static InvocationContext context(boolean sampled) {
        return new InvocationContext("req-7", false, "fn", "$LATEST", null, 256, "svc", null, 0.5, sampled);
    }

    private static List<String> write(InvocationContext context, String trigger, JsonNode event) {
        try (StdoutCapture stdout = new StdoutCapture()) {
            new DebugSample(new StdoutLines(JSON)).event(context, trigger, event, 2900);
            return stdout.lines();
        }
    }

    @Test
    void httpApiEventGivesRouteHeaderNamesAndSizeButNoValues() throws IOException {
        ObjectNode event = fixture("apigw-http-v2.json");
        event.put("body", "{\"input\":\"" + SECRET_INPUT + "\",\"labels\":[\"a\",\"b\"]}");
        ((ObjectNode) event.get("headers")).put("authorization", "Bearer sk-secret-value");

        List<String> lines = write(context(true), "http-api", event);

        assertEquals(1, lines.size());
        String text = lines.get(0);
        JsonNode line = JSON.readTree(text);
        assertEquals("DEBUG", line.get("level").asText());
        assertEquals("req-7", line.get("function_request_id").asText());
        assertEquals(0.5, line.get("sampling_rate").asDouble());
        assertEquals(2900, line.get("remainingMs").asInt());
        assertEquals(event.at("/requestContext/http/method").asText(), line.at("/event/method").asText());
        assertEquals(event.at("/requestContext/http/path").asText(), line.at("/event/path").asText());
        assertEquals(event.get("body").asText().length(), line.at("/event/bodyChars").asInt());
        assertTrue(line.at("/event/headerNames").toString().contains("\"authorization\""));
        assertFalse(text.contains("sk-secret-value"), "a header value is in the sample");
        assertFalse(text.contains("4111"), "the input is in the sample");
    }

    @Test
    void sqsEventGivesMessageIdsReceiveCountsAndSizes() throws IOException {
        ObjectNode event = fixture("sqs-batch.json");

        JsonNode line = JSON.readTree(write(context(true), "sqs", event).get(0));

        JsonNode records = line.at("/event/records");
        assertEquals(event.get("Records").size(), records.size());
        JsonNode first = event.get("Records").get(0);
        assertEquals(first.get("messageId").asText(), records.get(0).get("messageId").asText());
        assertEquals(first.at("/attributes/ApproximateReceiveCount").asText(), records.get(0).get("receiveCount").asText());
        assertEquals(first.get("eventSourceARN").asText(), records.get(0).get("source").asText());
        assertEquals(first.get("body").asText().length(), records.get(0).get("bodyChars").asInt());
        assertFalse(line.toString().contains(first.get("body").asText()), "a record body is in the sample");
    }

    @Test
    void directRequestGivesFieldNamesOnly() throws IOException {
        JsonNode event = JSON.readTree("{\"input\":\"" + SECRET_INPUT + "\",\"labels\":[\"billing\",\"bug\"]}");

        String text = write(context(true), "direct", event).get(0);

        assertEquals("[\"input\",\"labels\"]", JSON.readTree(text).at("/event/fieldNames").toString());
        assertFalse(text.contains("4111") || text.contains("billing"));
    }

    @Test
    void anInvocationNotDrawnWritesNothing() throws IOException {
        assertEquals(List.of(), write(context(false), "sqs", fixture("sqs-batch.json")));
        assertEquals(List.of(), write(null, "sqs", fixture("sqs-batch.json")));
    }
}
