package dev.nanoclassifier.classifier.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.json;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.adapter.ApiGatewayTest;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** A dead endpoint opens its breaker; later calls skip it at once instead of waiting on it. */
@QuarkusTest
@TestProfile(Profiles.Breaker.class)
class CircuitBreakerTest {

    private static final String REQUEST = "{\"input\":\"My invoice is wrong\",\"labels\":[\"billing\",\"bug\"]}";

    @InjectOpenAiStub
    WireMockServer openai;

    @Test
    void opensAfterRepeatedFailuresAndSkipsTheDeadEndpointFast() {
        openai.resetAll();
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(json(503, "{}").withFixedDelay(800)));

        for (int i = 0; i < 4; i++) {
            LambdaEvents.invoke(REQUEST).then().statusCode(200)
                    .body("model", equalTo("local"))
                    .body("reason", equalTo("unavailable"));
        }
        assertEquals(4, primaryRequests(openai).size());

        long start = System.nanoTime();
        Response skipped = LambdaEvents.invoke(REQUEST);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        skipped.then().statusCode(200)
                .body("model", equalTo("local"))
                .body("degraded", equalTo(true))
                .body("reason", equalTo("circuit_open"))
                .body("attempts[0].outcome", equalTo("circuit_open"));

        assertTrue(elapsedMs < 600, "an open circuit must not wait on the endpoint (800 ms), took " + elapsedMs + " ms");
        assertEquals(4, primaryRequests(openai).size(), "the dead endpoint was not called again");

        Response response = LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify",
                "{\"input\":\"x\",\"labels\":[\"billing\",\"bug\"],\"fallback\":\"none\"}"));
        assertEquals("circuit_open", ApiGatewayTest.httpBody(response, 503).getString("error.reason"));
        assertEquals("60", response.path("headers.Retry-After"));
    }
}
