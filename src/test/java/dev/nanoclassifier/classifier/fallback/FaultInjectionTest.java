package dev.nanoclassifier.classifier.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.answer;
import static dev.nanoclassifier.support.ChatCompletions.fallbackAnswers;
import static dev.nanoclassifier.support.ChatCompletions.fallbackRequests;
import static dev.nanoclassifier.support.ChatCompletions.json;
import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.nanoclassifier.adapter.ApiGatewayTest;
import dev.nanoclassifier.classifier.ModelUnavailableException;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Faults of the primary model, one by one: retried, or answered further down the chain, never passed on. */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class FaultInjectionTest {

    private static final String REQUEST = "{\"input\":\"My invoice is wrong\",\"labels\":[\"billing\",\"bug\"]}";
    private static final String REQUEST_NO_FALLBACK =
            "{\"input\":\"My invoice is wrong\",\"labels\":[\"billing\",\"bug\"],\"fallback\":\"none\"}";

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        fallbackAnswers(openai, "{\"label\":\"billing\"}");
    }

    @Test
    void serverErrorThenSuccessIsRetried() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(500, "{\"error\":{\"message\":\"boom\"}}")).willSetStateTo("recovered"));
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(answer("{\"label\":\"billing\"}")));

        LambdaEvents.invoke(REQUEST).then().statusCode(200)
                .body("model", equalTo("gpt-5.4-nano"))
                .body("degraded", equalTo(false))
                .body("attempts[0].tries", equalTo(2));

        assertEquals(2, primaryRequests(openai).size());
        assertEquals(0, fallbackRequests(openai).size());
    }

    @Test
    void unavailableEverywhereFallsToTheFallbackModel() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(json(503, "{}")));

        LambdaEvents.invoke(REQUEST).then().statusCode(200)
                .body("label", equalTo("billing"))
                .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                .body("degraded", equalTo(true))
                .body("reason", equalTo("unavailable"))
                .body("attempts.step", contains("gpt-5.4-nano", OpenAiStub.FALLBACK_MODEL))
                .body("attempts.outcome", contains("unavailable", "ok"))
                .body("attempts[0].tries", equalTo(3));

        assertEquals(3, primaryRequests(openai).size(), "first try and two retries");
        assertEquals("Bearer " + OpenAiStub.FALLBACK_KEY, fallbackRequests(openai).get(0).getHeader("Authorization"));
        assertEquals(OpenAiStub.FALLBACK_MODEL,
                dev.nanoclassifier.support.ChatCompletions.body(fallbackRequests(openai).get(0)).get("model").asText());
    }

    @Test
    void rateLimitedWithRetryAfterIsWaitedWhenTheBudgetAllows() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{}").withHeader("Retry-After", "1")).willSetStateTo("free"));
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).inScenario("limited").whenScenarioStateIs("free")
                .willReturn(answer("{\"label\":\"billing\"}")));
        long start = System.nanoTime();

        Response response = LambdaEvents.invoke(REQUEST);

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(200)
                .body("model", equalTo("gpt-5.4-nano"))
                .body("degraded", equalTo(false));
        assertTrue(elapsedMs >= 1000, "waited for Retry-After, took " + elapsedMs + " ms");
        assertEquals(2, primaryRequests(openai).size());
    }

    @Test
    void connectionResetFallsBack() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        LambdaEvents.invoke(REQUEST).then().statusCode(200)
                .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                .body("reason", equalTo("unavailable"));
    }

    @Test
    void connectionClosedWithoutAnswerIsATryNeverASilentResend() {
        // Arrange: an answered call leaves a kept-alive connection, which the next call reuses. On a
        // reused connection closed before any answer, the JDK would by default send the POST again
        // on its own, unseen by the retry layer.
        primaryAnswers(openai, "{\"label\":\"billing\"}");
        LambdaEvents.invoke(REQUEST).then().statusCode(200).body("model", equalTo("gpt-5.4-nano"));
        openai.resetRequests();
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        // Act
        Response response = LambdaEvents.invoke(REQUEST);

        // Assert: every POST the endpoint received is a try the result reports
        response.then().statusCode(200)
                .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                .body("reason", equalTo("unavailable"));
        int tries = response.jsonPath().getInt("attempts[0].tries");
        assertEquals(tries, primaryRequests(openai).size(), "a POST was sent again underneath the retry layer");
    }

    @Test
    void malformedBodyIsAnInvalidAnswerRetriedOnce() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(json(200, "{\"choices\":[{\"message\":")));

        LambdaEvents.invoke(REQUEST).then().statusCode(200)
                .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                .body("reason", equalTo("invalid_answer"))
                .body("attempts[0].tries", equalTo(2));
    }

    @Test
    void labelOutsideTheSetIsAnInvalidAnswer() {
        primaryAnswers(openai, "{\"label\":\"refund\"}");

        LambdaEvents.invoke(REQUEST).then().statusCode(200)
                .body("label", equalTo("billing"))
                .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                .body("reason", equalTo("invalid_answer"))
                .body("attempts[0].tries", equalTo(2));
    }

    @Test
    void refusalIsAnInvalidAnswer() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH))
                .willReturn(answer(null, "stop", "I can't help with that.", 300, 9)));

        LambdaEvents.invoke(REQUEST).then().statusCode(200)
                .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                .body("reason", equalTo("invalid_answer"))
                .body("usage.inputTokens", equalTo(300 * 2 + 412))
                .body("usage.outputTokens", equalTo(9 * 2 + 6));
    }

    @Test
    void truncatedAnswerIsAnInvalidAnswer() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH))
                .willReturn(answer("{\"label\":\"bil", "length", null, 300, 200)));

        LambdaEvents.invoke(REQUEST).then().statusCode(200)
                .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                .body("reason", equalTo("invalid_answer"));
    }

    @Test
    void fallbackNoneMakesAnUnavailableModelA503() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(json(503, "{}")));

        Response response = LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify", REQUEST_NO_FALLBACK));

        JsonPath body = ApiGatewayTest.httpBody(response, 503);
        assertEquals("model_unavailable", body.getString("error.code"));
        assertEquals("unavailable", body.getString("error.reason"));
        assertEquals(0, fallbackRequests(openai).size());
    }

    @Test
    void fallbackNoneRateLimitedIs503WithRetryAfter() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(json(429, "{}").withHeader("Retry-After", "1")));

        Response response = LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify", REQUEST_NO_FALLBACK));

        JsonPath body = ApiGatewayTest.httpBody(response, 503);
        assertEquals("rate_limited", body.getString("error.reason"));
        assertEquals("1", response.path("headers.Retry-After"));
    }

    @Test
    void fallbackNoneDirectInvocationIsANamedError() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(json(502, "{}")));

        LambdaEvents.invoke(REQUEST_NO_FALLBACK).then().statusCode(500)
                .body("errorType", equalTo(ModelUnavailableException.class.getName()))
                .body("errorMessage", equalTo("model unavailable: unavailable"));
    }

    @Test
    void fallbackNoneSqsRecordIsReportedForRetryAndTheOthersAreNot() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(json(503, "{}")));
        var event = LambdaEvents.sqs(REQUEST_NO_FALLBACK, REQUEST, "{\"input\":\"no labels\"}");

        LambdaEvents.invoke(event).then().statusCode(200)
                .body("batchItemFailures.itemIdentifier", contains(LambdaEvents.messageId(event, 0)));
    }
}
