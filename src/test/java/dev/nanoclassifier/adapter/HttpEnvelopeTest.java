package dev.nanoclassifier.adapter;

import static dev.nanoclassifier.support.ChatCompletions.body;
import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
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
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The API Gateway envelope itself: bodies it cannot carry, routes, and AWS's own sample events unmodified. */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class HttpEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLASSIFY = "{\"input\":\"Please add dark mode\",\"labels\":[\"bug\",\"feature-request\"]}";

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
    }

    @Test
    void bodyMarkedBase64ThatIsNotBase64Is400WithARequestLogLine() throws Exception {
        ObjectNode event = LambdaEvents.httpApiV2("POST", "/classify", "{not base64!}");
        event.put("isBase64Encoded", true);

        List<String> lines;
        JsonPath body;
        try (StdoutCapture stdout = new StdoutCapture()) {
            body = ApiGatewayTest.httpBody(LambdaEvents.invoke(event), 400);
            lines = stdout.lines();
        }

        assertEquals("invalid_request", body.getString("error.code"));
        assertEquals("body", body.getString("error.field"));
        assertEquals("body: is marked isBase64Encoded but is not valid base64", body.getString("error.message"));
        JsonNode line = requestLogLine(lines);
        assertEquals("rejected", line.get("outcome").asText());
        assertEquals("apigateway", line.get("trigger").asText());
        assertEquals("invalid_request", line.get("error").asText());
        assertEquals(0, primaryRequests(openai).size());
    }

    @Test
    void restApiBodyThatIsNotAStringIs400NamingTheBody() throws Exception {
        ObjectNode event = LambdaEvents.restApiV1("POST", "/classify", null);
        event.set("body", JSON.readTree(CLASSIFY));

        List<String> lines;
        JsonPath body;
        try (StdoutCapture stdout = new StdoutCapture()) {
            body = ApiGatewayTest.httpBody(LambdaEvents.invoke(event), 400);
            lines = stdout.lines();
        }

        assertEquals("body", body.getString("error.field"));
        assertEquals("body: must be a string in the API Gateway event", body.getString("error.message"));
        assertEquals("rejected", requestLogLine(lines).get("outcome").asText());
        assertEquals(0, primaryRequests(openai).size());
    }

    @Test
    void trailingSlashRoutesLikeThePathWithoutIt() {
        primaryAnswers(openai, "{\"label\":\"feature-request\"}");

        JsonPath classify = ApiGatewayTest.httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify/", CLASSIFY)), 200);
        JsonPath health = ApiGatewayTest.httpBody(LambdaEvents.invoke(LambdaEvents.restApiV1("GET", "/prod/health/", null)), 200);

        assertEquals("feature-request", classify.getString("label"));
        assertEquals("ok", health.getString("status"));
        assertTrue(body(primaryRequests(openai).get(0)).at("/messages/1/content").asText().contains("Please add dark mode"));
    }

    @Test
    void sampleEventsOfOtherRoutesAre404sNotFunctionErrors() {
        Response httpApi = LambdaEvents.invoke(LambdaEvents.fixture("apigw-http-v2-nobody.json"));
        Response restApi = LambdaEvents.invoke(LambdaEvents.fixture("apigw-rest-v1-get.json"));

        assertEquals("path", ApiGatewayTest.httpBody(httpApi, 404).getString("error.field"));
        assertEquals("path", ApiGatewayTest.httpBody(restApi, 404).getString("error.field"));
        assertEquals(0, primaryRequests(openai).size());
    }

    static JsonNode requestLogLine(List<String> lines) throws Exception {
        for (String line : lines) {
            if (line.startsWith("{") && line.contains("\"nano-classifier.request\"")) {
                return JSON.readTree(line);
            }
        }
        throw new AssertionError("no request log line in " + lines);
    }
}
