package dev.nanoclassifier.observability;

import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.StdoutCapture;
import dev.nanoclassifier.support.XRayDaemonStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * What a Lambda operator correlates by, on a cold and then a warm invocation of one execution
 * environment (this profile's own start of the function): the Powertools fields in every request
 * line and framework log line, the {@code ColdStart} metric, the X-Ray trace id from a real trace
 * header, the model call sent to the X-Ray daemon as a subsegment, and the debug sample.
 *
 * <p>How the trace header gets in: Lambda sends it as {@code Lambda-Runtime-Trace-Id} with each
 * event from {@code /next}; the runtime puts it in the system property
 * {@code com.amazonaws.xray.traceHeader}. Quarkus 3.33's mock event server fills that response
 * header from the posted {@code Lambda-Runtime-Aws-Request-Id} header (not from a posted
 * {@code Lambda-Runtime-Trace-Id}), so the test posts the trace header as both: the invocation's
 * request id is then that string too.
 */
@QuarkusTest
@TestProfile(LambdaOperationsTest.Traced.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LambdaOperationsTest {

    /** The example trace header of the X-Ray developer guide. */
    static final String TRACE_HEADER = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    static final String LOG_FILE = "target/lambda-operations-test.log";
    private static final String EVENT_SERVER = "http://localhost:"
            + System.getProperty("quarkus.lambda.mock-event-server.test-port", "8081");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The model has no price here, so the cost calculator logs a WARN line during the first request. */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("classifier.cache.enabled", "false",
                    "classifier.model", "unpriced-nano",
                    "classifier.observability.service", "triage-service",
                    "classifier.observability.debug-sample-rate", "1",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG_FILE,
                    "quarkus.log.file.json.enabled", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStub.class, Map.of("fallback", "false")),
                    new TestResourceEntry(XRayDaemonStub.class));
        }
    }

    @InjectOpenAiStub
    WireMockServer openai;

    private static List<String> invoke(String requestId, String traceHeader, String event) {
        try (StdoutCapture stdout = new StdoutCapture()) {
            var request = given().contentType("application/json").header("Lambda-Runtime-Aws-Request-Id", requestId);
            if (traceHeader != null) {
                request.header("Lambda-Runtime-Trace-Id", traceHeader);
            }
            request.body(event).when().post(EVENT_SERVER).then().statusCode(200);
            return stdout.lines();
        }
    }

    @Test
    @Order(1) // the profile's first invocation is the cold start
    void coldThenWarmInvocationCarryTheFieldsOperatorsCorrelateBy() throws Exception {
        primaryAnswers(openai, "{\"label\":\"billing\"}");
        XRayDaemonStub.drain();
        String classify = "{\"input\":\"I was charged twice\",\"labels\":[\"billing\",\"bug\"]}";

        // Cold: the environment's first invocation, traced and sampled by Lambda.
        List<String> cold = invoke(TRACE_HEADER, TRACE_HEADER, classify);

        JsonNode request = only(cold, "outcome");
        assertEquals(true, request.get("cold_start").asBoolean());
        assertTrue(request.get("cold_start").isBoolean());
        assertEquals(TRACE_HEADER, request.get("function_request_id").asText());
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", request.get("xray_trace_id").asText());
        assertEquals("triage-service", request.get("service").asText());
        assertEquals(1.0, request.get("sampling_rate").asDouble());
        assertEquals("billing", request.get("label").asText());
        JsonNode coldStart = only(cold, "ColdStart");
        JsonNode directive = coldStart.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals("NanoClassifier", directive.get("Namespace").asText());
        assertEquals("[{\"Name\":\"ColdStart\",\"Unit\":\"Count\"}]", directive.get("Metrics").toString());
        assertEquals("Service", directive.get("Dimensions").get(0).get(0).asText());
        assertEquals("triage-service", coldStart.get("Service").asText());
        assertEquals(1, coldStart.get("ColdStart").asInt());
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", coldStart.get("xray_trace_id").asText());
        JsonNode requestMetrics = only(cold, "Requests");
        assertEquals(TRACE_HEADER, requestMetrics.get("function_request_id").asText());
        JsonNode sample = only(cold, "remainingMs");
        assertEquals("DEBUG", sample.get("level").asText());
        assertEquals("direct", sample.get("trigger").asText());
        assertEquals("[\"input\",\"labels\"]", sample.at("/event/fieldNames").toString());
        assertFalse(sample.toString().contains("charged twice"), "the input is in the debug sample");
        assertTrue(sample.get("cold_start").asBoolean());

        // The model call went to the daemon as a subsegment of the function's segment.
        String datagram = XRayDaemonStub.receive(2000);
        assertNotNull(datagram, "no subsegment reached the X-Ray daemon");
        JsonNode subsegment = JSON.readTree(datagram.split("\n", 2)[1]);
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", subsegment.get("trace_id").asText());
        assertEquals("53995c3f42cd8ad8", subsegment.get("parent_id").asText());
        assertEquals("subsegment", subsegment.get("type").asText());
        assertEquals("127.0.0.1", subsegment.get("name").asText());
        assertEquals("unpriced-nano", subsegment.at("/annotations/model").asText());
        assertEquals(200, subsegment.at("/http/response/status").asInt());
        assertTrue(subsegment.at("/http/request/url").asText().endsWith("/v1/chat/completions"));

        // A framework line written during the request (the cost calculator's WARN) carries them in its MDC.
        JsonNode warning = logLine("No price configured for model unpriced-nano");
        assertEquals(TRACE_HEADER, warning.at("/mdc/function_request_id").asText());
        assertEquals("true", warning.at("/mdc/cold_start").asText());
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", warning.at("/mdc/xray_trace_id").asText());
        assertEquals("triage-service", warning.at("/mdc/service").asText());

        // Warm: the same environment, no trace (the mock server's own random trace id is no trace).
        String warmId = UUID.randomUUID().toString();
        List<String> warm = invoke(warmId, null, classify);

        JsonNode warmRequest = only(warm, "outcome");
        assertEquals(false, warmRequest.get("cold_start").asBoolean());
        assertEquals(warmId, warmRequest.get("function_request_id").asText());
        assertNull(warmRequest.get("xray_trace_id"));
        assertEquals("triage-service", warmRequest.get("service").asText());
        assertTrue(warm.stream().noneMatch(line -> line.contains("\"ColdStart\"")), "ColdStart on a warm invocation");
        assertNull(XRayDaemonStub.receive(300), "an untraced call was sent to the daemon");
    }

    @Test
    @Order(2)
    void sqsWorkerThreadsCarryTheInvocationsFields() throws Exception {
        primaryAnswers(openai, "{\"label\":\"bug\"}");
        String requestId = UUID.randomUUID().toString();

        List<String> lines = invoke(requestId, null, LambdaEvents.sqs(
                "{\"input\":\"the export crashes\",\"labels\":[\"billing\",\"bug\"]}",
                "{\"input\":\"the app freezes\",\"labels\":[\"billing\",\"bug\"]}").toString());

        List<JsonNode> requests = all(lines, "outcome").stream()
                .filter(line -> "nano-classifier.request".equals(line.path("loggerName").asText())).toList();
        assertEquals(2, requests.size());
        for (JsonNode request : requests) {
            assertEquals("sqs", request.get("trigger").asText());
            assertEquals(requestId, request.get("function_request_id").asText(), "a worker's line lacks the request id");
            assertEquals("triage-service", request.get("service").asText());
            assertEquals(false, request.get("cold_start").asBoolean());
        }
    }

    private static JsonNode logLine(String messagePrefix) throws Exception {
        for (String line : Files.readAllLines(Path.of(LOG_FILE))) {
            if (line.startsWith("{")) {
                JsonNode node = JSON.readTree(line);
                if (node.path("message").asText().startsWith(messagePrefix)) {
                    return node;
                }
            }
        }
        throw new AssertionError("no log line '" + messagePrefix + "' in " + LOG_FILE);
    }

    private static JsonNode only(List<String> lines, String field) throws Exception {
        List<JsonNode> found = all(lines, field);
        assertEquals(1, found.size(), "lines with " + field + ": " + found + " in " + lines);
        return found.get(0);
    }

    private static List<JsonNode> all(List<String> lines, String field) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{")) {
                JsonNode node = JSON.readTree(line);
                if (node.has(field)) {
                    found.add(node);
                }
            }
        }
        return found;
    }
}
