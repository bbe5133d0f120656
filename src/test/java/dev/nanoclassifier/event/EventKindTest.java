package dev.nanoclassifier.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which trigger each real AWS sample event is taken for. Parameterized over the directory listing:
 * a fixture added without a line in {@link #EXPECTED} fails, so every new sample is classified on purpose.
 * Plain JUnit, no Quarkus.
 */
class EventKindTest {

    /** The kind each fixture of {@code src/test/resources/events} must be detected as. */
    static final Map<String, EventKind> EXPECTED = Map.ofEntries(
            Map.entry("alb-target.json", EventKind.ALB),
            Map.entry("alb-target-multivalue.json", EventKind.ALB),
            Map.entry("apigw-http-v2.json", EventKind.HTTP_API_V2),
            Map.entry("apigw-http-v2-nobody.json", EventKind.HTTP_API_V2),
            Map.entry("apigw-rest-v1.json", EventKind.REST_API_V1),
            Map.entry("apigw-rest-v1-get.json", EventKind.REST_API_V1),
            Map.entry("eventbridge-custom.json", EventKind.EVENTBRIDGE),
            Map.entry("eventbridge-scheduled.json", EventKind.EVENTBRIDGE),
            Map.entry("sns-notification.json", EventKind.SNS),
            Map.entry("sqs-batch.json", EventKind.SQS),
            Map.entry("sqs-batch-large.json", EventKind.SQS),
            Map.entry("sqs-empty-body.json", EventKind.SQS),
            Map.entry("sqs-single.json", EventKind.SQS),
            Map.entry("sqs-sns-envelope.json", EventKind.SQS),
            Map.entry("sqs-sns-envelope-fifo.json", EventKind.SQS));

    static List<String> fixtures() {
        return EventFixtures.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everySampleEventIsDetectedAsItsTrigger(String fixture) {
        EventKind expected = EXPECTED.get(fixture);
        assertNotNull(expected, fixture + " has no expected kind: add it to EventKindTest.EXPECTED");
        JsonNode event = EventFixtures.read(fixture);

        EventKind detected = EventKind.of(event);

        assertEquals(expected, detected, fixture);
    }

    @Test
    void everyExpectationNamesAFixtureThatExists() {
        Set<String> missing = new TreeSet<>(EXPECTED.keySet());
        EventFixtures.names().forEach(missing::remove);

        assertEquals(Set.of(), missing, "EventKindTest.EXPECTED names files not in " + EventFixtures.DIRECTORY);
    }

    @Test
    void theRequestJsonItselfIsADirectInvocation() {
        JsonNode request = json("{\"input\":\"the export crashes\",\"labels\":[\"bug\",\"billing\"]}");

        assertEquals(EventKind.DIRECT, EventKind.of(request));
    }

    @Test
    void aNonObjectOrMissingEventIsADirectInvocation() {
        assertEquals(EventKind.DIRECT, EventKind.of(null));
        assertEquals(EventKind.DIRECT, EventKind.of(json("[1,2]")));
        assertEquals(EventKind.DIRECT, EventKind.of(json("\"text\"")));
    }

    @Test
    void recordsFromAnUnsupportedSourceAreADirectInvocation() {
        ObjectNode event = EventFixtures.read("sqs-single.json");
        ((ObjectNode) event.get("Records").get(0)).put("eventSource", "aws:kinesis");

        assertEquals(EventKind.DIRECT, EventKind.of(event));
    }

    @Test
    void anEmptyRecordsArrayIsNotAnSqsBatch() {
        assertEquals(EventKind.DIRECT, EventKind.of(json("{\"Records\":[]}")));
    }

    @Test
    void aVersion2EnvelopeWithoutRequestContextHttpIsNotAnHttpApiEvent() {
        ObjectNode event = EventFixtures.read("apigw-http-v2.json");
        ((ObjectNode) event.get("requestContext")).remove("http");

        assertEquals(EventKind.DIRECT, EventKind.of(event));
    }

    @Test
    void anEventBridgeEnvelopeNeedsDetailTypeSourceAndDetail() {
        ObjectNode event = EventFixtures.read("eventbridge-custom.json");
        event.remove("detail");

        assertEquals(EventKind.DIRECT, EventKind.of(event));
    }

    @Test
    void anAlbEventIsToldApartFromARestApiEventByRequestContextElb() {
        ObjectNode event = EventFixtures.read("alb-target.json");
        ((ObjectNode) event.get("requestContext")).remove("elb");
        ((ObjectNode) event.get("requestContext")).put("stage", "prod");

        assertEquals(EventKind.REST_API_V1, EventKind.of(event));
    }

    @Test
    void aRequestContextWithoutHttpMethodOrVersion2IsADirectInvocation() {
        ObjectNode event = EventFixtures.read("apigw-rest-v1.json");
        event.remove("httpMethod");

        assertEquals(EventKind.DIRECT, EventKind.of(event));
    }

    @Test
    void eachKindNamesItsTriggerForTheLogs() {
        Map<EventKind, String> triggers = new java.util.EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            triggers.put(kind, kind.trigger());
        }

        assertEquals(Map.of(EventKind.HTTP_API_V2, "apigateway", EventKind.REST_API_V1, "apigateway", EventKind.ALB, "alb",
                EventKind.SQS, "sqs", EventKind.SNS, "sns", EventKind.EVENTBRIDGE, "eventbridge", EventKind.DIRECT, "direct"),
                triggers, "a new kind needs its trigger name here");
    }

    @Test
    void onlyApiGatewayKindsAreBoundByApiGatewaysIntegrationTimeout() {
        List<EventKind> apiGateway = java.util.Arrays.stream(EventKind.values()).filter(EventKind::apiGateway).toList();

        assertEquals(List.of(EventKind.HTTP_API_V2, EventKind.REST_API_V1), apiGateway);
    }

    private static JsonNode json(String text) {
        try {
            return EventFixtures.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
