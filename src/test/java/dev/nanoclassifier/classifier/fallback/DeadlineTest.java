package dev.nanoclassifier.classifier.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.answer;
import static dev.nanoclassifier.support.ChatCompletions.fallbackAnswers;
import static dev.nanoclassifier.support.ChatCompletions.json;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.adapter.ApiGatewayTest;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** With 3 s left before the Lambda deadline, a hanging model never makes an invocation time out. */
@QuarkusTest
@TestProfile(Profiles.ThreeSecondDeadline.class)
class DeadlineTest {

    private static final String REQUEST = "{\"input\":\"My invoice is wrong\",\"labels\":[\"billing\",\"bug\"]}";
    private static final long DEADLINE_MS = 3000;

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        fallbackAnswers(openai, "{\"label\":\"billing\"}");
        // Times below are the function's: warm the test's own HTTP client and the event server path first.
        LambdaEvents.invoke(LambdaEvents.httpApiV2("GET", "/health", null)).then().statusCode(200);
    }

    @Test
    void hangingModelIsCutAtTheDeadlineAndTheChainStillAnswers() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(answer("{\"label\":\"bug\"}").withFixedDelay(30_000)));
        long start = System.nanoTime();

        Response response = LambdaEvents.invoke(REQUEST);

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(200)
                .body("label", oneOf("billing", "bug"))
                .body("degraded", equalTo(true))
                .body("reason", equalTo("timeout"))
                .body("attempts[0].outcome", equalTo("timeout"));
        assertTrue(elapsedMs < DEADLINE_MS, "answered after " + elapsedMs + " ms, past the deadline");
        assertEquals(1, primaryRequests(openai).size(), "no retry that cannot finish in time");
    }

    @Test
    void bodySentSlowlyAfterQuickHeadersIsCutAtTheDeadlineToo() {
        // Status and headers at once, then the body in 20 pieces over 30 s: every piece comes well
        // within a socket read timeout, so only a bound on the whole exchange stops this.
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH))
                .willReturn(answer("{\"label\":\"bug\"}").withChunkedDribbleDelay(20, 30_000)));
        long start = System.nanoTime();

        Response response = LambdaEvents.invoke(REQUEST);

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(200)
                .body("degraded", equalTo(true))
                .body("reason", equalTo("timeout"))
                .body("attempts[0].outcome", equalTo("timeout"));
        assertTrue(elapsedMs < DEADLINE_MS, "answered after " + elapsedMs + " ms, past the deadline");
        assertEquals(1, primaryRequests(openai).size(), "no retry that cannot finish in time");
    }

    @Test
    void retryAfterLongerThanTheBudgetIsSkippedNotWaited() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(json(429, "{}").withHeader("Retry-After", "5")));
        long start = System.nanoTime();

        Response response = LambdaEvents.invoke(REQUEST);

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(200)
                .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                .body("reason", equalTo("rate_limited"))
                .body("attempts[0].tries", equalTo(1));
        assertTrue(elapsedMs < 1500, "did not wait for a Retry-After that cannot fit, took " + elapsedMs + " ms");
    }

    @Test
    void hangingModelWithFallbackNoneIsA504BeforeTheDeadline() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(answer("{\"label\":\"bug\"}").withFixedDelay(30_000)));
        long start = System.nanoTime();

        Response response = LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify",
                "{\"input\":\"x\",\"labels\":[\"billing\",\"bug\"],\"fallback\":\"none\"}"));

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        JsonPath body = ApiGatewayTest.httpBody(response, 504);
        assertEquals("model_timeout", body.getString("error.code"));
        assertTrue(elapsedMs < DEADLINE_MS, "answered after " + elapsedMs + " ms, past the deadline " + body.prettify());
    }

    @Test
    void sqsBatchWithAHangingModelIsAnsweredBeforeTheDeadline() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(answer("{\"label\":\"bug\"}").withFixedDelay(30_000)));
        var event = LambdaEvents.sqs(REQUEST, REQUEST, REQUEST);
        long start = System.nanoTime();

        Response response = LambdaEvents.invoke(event);

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(200).body("batchItemFailures", empty());
        assertTrue(elapsedMs < DEADLINE_MS, "answered after " + elapsedMs + " ms, past the deadline");
    }
}
