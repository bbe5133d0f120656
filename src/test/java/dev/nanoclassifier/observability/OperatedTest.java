package dev.nanoclassifier.observability;

import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.nanoclassifier.adapter.ApiGatewayTest;
import dev.nanoclassifier.support.ChatCompletions;
import dev.nanoclassifier.support.FakeAwsSecrets;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import dev.nanoclassifier.support.StdoutCapture;
import io.quarkus.test.junit.DisabledOnIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Secrets, cache, budget policy, logs and metrics as an operator runs the function. */
@QuarkusTest
@TestProfile(Profiles.Operated.class)
class OperatedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_LOOKING_INPUT = "card 4111 1111 1111 1111 pw hunter2-zebra";

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void stub() {
        // No request reset: the secret fetch at init must stay visible. Counts below are deltas.
        primaryAnswers(openai, "{\"label\":\"billing\"}");
    }

    @Test
    void keyFromSecretsManagerIsFetchedOnceForManyInvocations() {
        int before = primaryRequests(openai).size();
        for (int i = 0; i < 5; i++) {
            LambdaEvents.invoke("{\"input\":\"invoice question " + i + "\",\"labels\":[\"billing\",\"bug\"]}")
                    .then().statusCode(200).body("model", equalTo("gpt-5.4-nano"));
        }

        List<LoggedRequest> calls = primaryRequests(openai);
        assertEquals(before + 5, calls.size());
        calls.forEach(call -> assertEquals("Bearer " + OpenAiStub.SECRET_KEY, call.getHeader("Authorization")));
        assertEquals(1, FakeAwsSecrets.secretRequests(openai, FakeAwsSecrets.GET_SECRET_VALUE),
                "fetched once at init, never per invocation");
        LoggedRequest fetch = FakeAwsSecrets.onlyRequest(openai, FakeAwsSecrets.GET_SECRET_VALUE);
        assertEquals(OpenAiStub.SECRET_ARN, ChatCompletions.body(fetch).path("SecretId").asText());
        assertTrue(fetch.getHeader("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=test-access-key/"),
                "the request is SigV4-signed with the configured credentials");
    }

    @Test
    void identicalRequestIsAnsweredFromTheCacheAtNoCost() {
        String request = "{\"input\":\"cache me\",\"labels\":[\"billing\",\"bug\"]}";
        int before = primaryRequests(openai).size();

        LambdaEvents.invoke(request).then().statusCode(200).body("cached", equalTo(false));
        LambdaEvents.invoke(request.replace("{", "{\"id\":\"second\",")).then().statusCode(200)
                .body("id", equalTo("second"))
                .body("cached", equalTo(true))
                .body("label", equalTo("billing"))
                .body("model", equalTo("gpt-5.4-nano"))
                .body("usage.costUsd", equalTo(0))
                .body("usage.inputTokens", equalTo(0));

        assertEquals(before + 1, primaryRequests(openai).size(), "the model was called once");
    }

    @Test
    void overBudgetInputIsRejectedWithTokensAndBudget() {
        int before = primaryRequests(openai).size();
        String request = "{\"input\":\"" + "budget ".repeat(119) + "budget\",\"labels\":[\"billing\",\"bug\"]}";

        JsonPath body = ApiGatewayTest.httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify", request)), 400);

        assertEquals("over_budget", body.getString("error.code"));
        assertEquals("input: 120 tokens is over the budget of 50 tokens", body.getString("error.message"));
        LambdaEvents.invoke(request).then().statusCode(500)
                .body("errorType", equalTo("dev.nanoclassifier.classifier.budget.OverBudgetException"));
        assertEquals(before, primaryRequests(openai).size());
    }

    @Test
    @DisabledOnIntegrationTest("reads the function's stdout in this JVM; a launched artifact's stdout is not captured")
    void logsCarryWhatAnOperatorNeedsAndNeitherTheKeyNorTheInput() throws Exception {
        List<String> lines;
        try (StdoutCapture stdout = new StdoutCapture()) {
            LambdaEvents.invoke("{\"classifier\":\"support-triage\",\"input\":\"" + SECRET_LOOKING_INPUT + "\"}")
                    .then().statusCode(200);
            lines = stdout.lines();
        }
        String quarkusLog = Files.readString(Path.of(Profiles.Operated.LOG_FILE));

        for (String text : List.of(String.join("\n", lines), quarkusLog)) {
            assertFalse(text.contains(OpenAiStub.SECRET_KEY), "the API key is in the logs");
            assertFalse(text.contains("hunter2"), "the input is in the logs");
            // The whole card number, not "4111" alone: that also turns up in timestamps and ids.
            assertFalse(text.contains("4111 1111"), "the input is in the logs");
            assertFalse(text.contains("Bearer"), "an Authorization header is in the logs");
        }
        JsonNode request = only(lines, "requestId");
        assertEquals("answered", request.get("outcome").asText());
        assertEquals("direct", request.get("trigger").asText());
        assertEquals("classify", request.get("task").asText());
        assertEquals("support-triage", request.get("classifier").asText());
        assertEquals("billing", request.get("label").asText());
        assertEquals("gpt-5.4-nano", request.get("model").asText());
        assertFalse(request.get("degraded").asBoolean());
        assertEquals(412, request.get("inputTokens").asInt());
        assertEquals(6, request.get("outputTokens").asInt());
        assertEquals(0.0000899, request.get("costUsd").asDouble(), 1e-12);
        assertNotNull(request.get("latencyMs"));
        assertEquals("gpt-5.4-nano", request.get("attempts").get(0).get("step").asText());
    }

    @Test
    @DisabledOnIntegrationTest("reads the function's stdout in this JVM; a launched artifact's stdout is not captured")
    void metricsLineFollowsTheEmbeddedMetricFormat() throws Exception {
        List<String> lines;
        try (StdoutCapture stdout = new StdoutCapture()) {
            LambdaEvents.invoke("{\"classifier\":\"support-triage\",\"input\":\"the export crashes\"}").then().statusCode(200);
            lines = stdout.lines();
        }

        JsonNode emf = only(lines, "_aws");
        JsonNode directive = emf.get("_aws").get("CloudWatchMetrics").get(0);
        assertTrue(emf.get("_aws").get("Timestamp").isIntegralNumber());
        assertEquals("NanoClassifier", directive.get("Namespace").asText());
        assertEquals("[[\"Classifier\",\"Model\"],[\"Model\"]]", directive.get("Dimensions").toString());
        for (JsonNode dimensionSet : directive.get("Dimensions")) {
            dimensionSet.forEach(dimension -> assertTrue(emf.get(dimension.asText()).isTextual(), dimension + " missing"));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode metric : directive.get("Metrics")) {
            names.add(metric.get("Name").asText());
            assertTrue(emf.get(metric.get("Name").asText()).isNumber(), metric + " has no numeric value");
            assertTrue(List.of("Count", "Milliseconds", "None").contains(metric.get("Unit").asText()));
        }
        assertEquals(List.of("Requests", "Degraded", "CacheHits", "Latency", "InputTokens", "OutputTokens", "CostUsd"), names);
        assertEquals("support-triage", emf.get("Classifier").asText());
        assertEquals("gpt-5.4-nano", emf.get("Model").asText());
        assertEquals(1, emf.get("Requests").asInt());
        assertEquals(0, emf.get("Degraded").asInt());
        assertEquals(412, emf.get("InputTokens").asInt());
        assertEquals(6, emf.get("OutputTokens").asInt());
        assertEquals(0.0000899, emf.get("CostUsd").asDouble(), 1e-12);
    }

    private static JsonNode only(List<String> lines, String field) throws Exception {
        JsonNode found = null;
        for (String line : lines) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            if (node.has(field)) {
                assertTrue(found == null, "more than one line with " + field);
                found = node;
            }
        }
        assertNotNull(found, "no line with " + field + " in " + lines);
        return found;
    }
}
