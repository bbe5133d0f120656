package dev.nanoclassifier.adapter;

import static dev.nanoclassifier.support.ChatCompletions.body;
import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.Profiles;
import dev.nanoclassifier.support.StdoutCapture;
import io.quarkus.test.junit.DisabledOnIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
public class ApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLASSIFY = """
            {"input":"Please add dark mode","labels":["bug","feature-request"]}""";

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
    }

    @Test
    void httpApiV2ClassifyAnswers200WithJson() throws Exception {
        primaryAnswers(openai, "{\"label\":\"feature-request\"}");

        Response response = LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify", CLASSIFY));

        response.then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("headers.Content-Type", equalTo("application/json"))
                .body("isBase64Encoded", equalTo(false));
        JsonNode body = JSON.readTree(response.path("body").toString());
        assertEquals("feature-request", body.get("label").asText());
        assertEquals("classify", body.get("task").asText());
        assertTrue(body(primaryRequests(openai).get(0)).at("/messages/1/content").asText().contains("Please add dark mode"));
    }

    @Test
    void httpApiV2RankPathSetsTheTask() {
        primaryAnswers(openai, "{\"ranking\":[\"2\",\"1\"]}");

        JsonPath body = httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/rank",
                "{\"query\":\"refund policy\",\"candidates\":[\"shipping times\",\"refunds within 30 days\"]}")), 200);

        assertEquals("rank", body.getString("task"));
        assertEquals("1", body.getString("ranking[0].id"));
    }

    @Test
    void stagePrefixedPathIsRouted() {
        primaryAnswers(openai, "{\"label\":\"bug\"}");

        httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/prod/classify", CLASSIFY)), 200);
    }

    @Test
    void base64EncodedBodyIsDecoded() {
        primaryAnswers(openai, "{\"label\":\"bug\"}");

        JsonPath body = httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2Base64("POST", "/classify", CLASSIFY)), 200);

        assertEquals("bug", body.getString("label"));
        assertTrue(body(primaryRequests(openai).get(0)).at("/messages/1/content").asText().contains("Please add dark mode"));
    }

    @Test
    void restApiV1ClassifyAnswers200() {
        primaryAnswers(openai, "{\"label\":\"bug\"}");

        JsonPath body = httpBody(LambdaEvents.invoke(LambdaEvents.restApiV1("POST", "/classify", CLASSIFY)), 200);

        assertEquals("bug", body.getString("label"));
        assertEquals("gpt-5.4-nano", body.getString("model"));
    }

    @Test
    void restApiV1InvalidRequestIs400NamingTheField() {
        JsonPath body = httpBody(LambdaEvents.invoke(LambdaEvents.restApiV1("POST", "/classify",
                "{\"input\":\"x\",\"labels\":[\"one\"]}")), 400);

        assertEquals("invalid_request", body.getString("error.code"));
        assertEquals("labels: at least 2 labels are required", body.getString("error.message"));
        assertEquals("labels", body.getString("error.field"));
    }

    @Test
    void healthIsOk() {
        JsonPath body = httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("GET", "/health", null)), 200);

        assertEquals("ok", body.getString("status"));
        assertEquals(0, primaryRequests(openai).size());
    }

    @Test
    void unknownPathIs404() {
        JsonPath body = httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/my/path", CLASSIFY)), 404);

        assertEquals("not_found", body.getString("error.code"));
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Response response = LambdaEvents.invoke(LambdaEvents.httpApiV2("GET", "/classify", null));

        httpBody(response, 405);
        assertEquals("POST", response.path("headers.Allow"));
    }

    @Test
    void nonJsonBodyIs400() {
        JsonPath body = httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify", "Hello from Lambda!!")), 400);

        assertEquals("body: is not valid JSON", body.getString("error.message"));
    }

    @Test
    void missingBodyIs400() {
        JsonPath body = httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify", null)), 400);

        assertEquals("body", body.getString("error.field"));
    }

    @Test
    void bodyOverTheSizeLimitIs413() {
        String big = "{\"input\":\"" + "a".repeat(1_100_000) + "\",\"labels\":[\"a\",\"b\"]}";

        JsonPath body = httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify", big)), 413);

        assertEquals("payload_too_large", body.getString("error.code"));
        assertEquals(0, primaryRequests(openai).size());
    }

    @Test
    void taskInBodyMustAgreeWithThePath() {
        JsonPath body = httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify",
                "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[\"a\"]}")), 400);

        assertEquals("task", body.getString("error.field"));
    }

    @Test
    @DisabledOnIntegrationTest("reads the function's stdout in this JVM; a launched artifact's stdout is not captured")
    void bodyMarkedBase64ThatIsNotIs400NamingTheBodyAndLogged() throws Exception {
        ObjectNode event = LambdaEvents.httpApiV2("POST", "/classify", "this is not base64!");
        event.put("isBase64Encoded", true);

        assertBodyRejectedAndLogged(event, "body: is marked isBase64Encoded but is not valid base64");
    }

    @Test
    @DisabledOnIntegrationTest("reads the function's stdout in this JVM; a launched artifact's stdout is not captured")
    void bodyThatIsNotAStringIs400NamingTheBodyAndLogged() throws Exception {
        ObjectNode event = LambdaEvents.restApiV1("POST", "/classify", null);
        event.putObject("body").put("input", "Please add dark mode").putArray("labels").add("bug").add("feature-request");

        assertBodyRejectedAndLogged(event, "body: must be a string in the API Gateway event");
    }

    /** The event gets a 400 naming {@code body} with {@code message}, logged once, and no model call. */
    private void assertBodyRejectedAndLogged(ObjectNode event, String message) throws Exception {
        JsonPath body;
        List<String> lines;
        try (StdoutCapture stdout = new StdoutCapture()) {
            body = httpBody(LambdaEvents.invoke(event), 400);
            lines = stdout.lines();
        }

        assertEquals("invalid_request", body.getString("error.code"));
        assertEquals("body", body.getString("error.field"));
        assertEquals(message, body.getString("error.message"));
        assertRejectionLogged(lines, message);
        assertEquals(0, primaryRequests(openai).size());
    }

    /** Exactly one request log line, a rejection from API Gateway with this message. */
    private static void assertRejectionLogged(List<String> lines, String message) throws Exception {
        List<JsonNode> requestLines = new java.util.ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{") && line.contains("\"nano-classifier.request\"")) {
                requestLines.add(JSON.readTree(line));
            }
        }
        assertEquals(1, requestLines.size(), "request log lines: " + requestLines);
        JsonNode line = requestLines.get(0);
        assertEquals("rejected", line.get("outcome").asText());
        assertEquals("apigateway", line.get("trigger").asText());
        assertEquals("invalid_request", line.get("error").asText());
        assertEquals(message, line.get("errorMessage").asText());
        assertTrue(line.hasNonNull("requestId"), "the Lambda request id is logged");
    }

    /** Asserts the API Gateway response envelope and returns its parsed JSON body. */
    public static JsonPath httpBody(Response response, int status) {
        response.then().statusCode(200)
                .body("statusCode", equalTo(status))
                .body("headers.Content-Type", equalTo("application/json"));
        return JsonPath.from(response.path("body").toString());
    }
}
