package dev.nanoclassifier.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.answer;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import dev.nanoclassifier.support.StdoutCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * API Gateway answers the client itself once its integration limit has passed (29 s by default), however
 * long the Lambda function may still run. HTTP work is bounded by that limit, counted from when API
 * Gateway received the request; queue work is not. Here the limit is 3 s, the Lambda deadline 20 s
 * and one model attempt may take 9 s.
 */
@QuarkusTest
@TestProfile(ApiGatewayLimitTest.ThreeSecondGateway.class)
class ApiGatewayLimitTest {

    private static final String REQUEST = "{\"input\":\"My invoice is wrong\",\"labels\":[\"billing\",\"bug\"],\"fallback\":\"none\"}";
    private static final long MODEL_DELAY_MS = 8_000;

    public static class ThreeSecondGateway extends Profiles.Stubbed {
        @Override
        public Map<String, String> getConfigOverrides() {
            return with(Map.of("classifier.timeouts.api-gateway-limit", "3s",
                    "classifier.timeouts.assumed-deadline", "20s",
                    "classifier.timeouts.call", "9s"));
        }
    }

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        LambdaEvents.invoke(LambdaEvents.httpApiV2("GET", "/health", null)).then().statusCode(200);
    }

    @Test
    void httpRequestGivesUpAtTheApiGatewayLimitNotTheLambdaDeadline() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH))
                .willReturn(answer("{\"label\":\"bug\"}").withFixedDelay((int) MODEL_DELAY_MS)));
        long start = System.nanoTime();

        Response response = LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify", REQUEST));

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        JsonPath body = ApiGatewayTest.httpBody(response, 504);
        assertEquals("model_timeout", body.getString("error.code"));
        assertTrue(elapsedMs < 4_500, "answered after " + elapsedMs + " ms; API Gateway gave up after 3000 ms");
    }

    @Test
    void timeApiGatewaySpentBeforeTheInvocationCountsAgainstTheLimit() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH))
                .willReturn(answer("{\"label\":\"bug\"}").withFixedDelay((int) MODEL_DELAY_MS)));
        ObjectNode event = LambdaEvents.httpApiV2("POST", "/classify", REQUEST);
        // API Gateway received the request 2.5 s ago (a cold start, say): 0.5 s of its 3 s are left.
        ((ObjectNode) event.get("requestContext")).put("timeEpoch", System.currentTimeMillis() - 2_500);
        long start = System.nanoTime();

        Response response = LambdaEvents.invoke(event);

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        ApiGatewayTest.httpBody(response, 504);
        assertTrue(elapsedMs < 1_800, "answered after " + elapsedMs + " ms; only 500 ms of the API Gateway limit were left");
    }

    @Test
    void queueWorkIsNotBoundByTheApiGatewayLimit() throws Exception {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(answer("{\"label\":\"bug\"}").withFixedDelay(4_000)));
        String request = REQUEST.replace("My invoice is wrong", "queued: my invoice is wrong");

        String lines;
        try (StdoutCapture stdout = new StdoutCapture()) {
            LambdaEvents.invoke(LambdaEvents.sqs(request)).then().statusCode(200)
                    .body("batchItemFailures", empty());
            lines = String.join("\n", stdout.lines());
        }

        // Calls of the tests before, cut off by the function but still held by the stub, may be logged late.
        assertEquals(1, primaryRequests(openai).stream().filter(call -> call.getBodyAsString().contains("queued:")).count());
        assertTrue(lines.contains("\"label\":\"bug\""), "the model's answer after 4 s is the result: " + lines);
    }
}
