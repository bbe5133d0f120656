package dev.nanoclassifier.classifier.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.fallbackAnswers;
import static dev.nanoclassifier.support.ChatCompletions.fallbackRequests;
import static dev.nanoclassifier.support.ChatCompletions.json;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import dev.nanoclassifier.support.ProviderPayloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Retries decided as the official SDKs decide them (openai-python {@code _should_retry}, openai-java
 * {@code RetryingHttpClient}): 408, 409, 429 and every status from 500 on; {@code x-should-retry}
 * overrides the status; {@code retry-after-ms} is honoured before {@code Retry-After}.
 */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class SdkRetryRulesTest {

    private static final String REQUEST = "{\"input\":\"My invoice is wrong\",\"labels\":[\"billing\",\"bug\"]}";

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        fallbackAnswers(openai, "{\"label\":\"bug\"}");
    }

    @ParameterizedTest
    @ValueSource(ints = { 408, 409, 520, 524 })
    void statusesTheSdksRetryAreRetriedOnTheSameModel(int status) {
        failsOnceWith(json(status, "{\"error\":{\"message\":\"try again\"}}"));

        LambdaEvents.invoke(REQUEST).then().statusCode(200)
                .body("model", equalTo("gpt-5.4-nano"))
                .body("degraded", equalTo(false))
                .body("attempts[0].tries", equalTo(2));

        assertEquals(2, primaryRequests(openai).size());
        assertEquals(0, fallbackRequests(openai).size());
    }

    @Test
    void retryAfterMsIsHonouredBeforeALongerRetryAfter() {
        // Retry-After alone (60 s) is over classifier.retry.max-retry-after and would skip to the
        // fallback; retry-after-ms says 1.5 s, which fits.
        failsOnceWith(ProviderPayloads.respond(429, "openai-rate-limit-429.json")
                .withHeader("retry-after-ms", "1500").withHeader("Retry-After", "60"));
        long start = System.nanoTime();

        Response response = LambdaEvents.invoke(REQUEST);

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(200)
                .body("model", equalTo("gpt-5.4-nano"))
                .body("degraded", equalTo(false))
                .body("reason", nullValue());
        assertTrue(elapsedMs >= 1500, "waited retry-after-ms, took " + elapsedMs + " ms");
        assertEquals(2, primaryRequests(openai).size());
    }

    @Test
    void xShouldRetryFalseStopsRetriesOfAServerError() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH))
                .willReturn(json(503, "{\"error\":{\"message\":\"overloaded\"}}").withHeader("x-should-retry", "false")));

        LambdaEvents.invoke(REQUEST).then().statusCode(200)
                .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                .body("reason", equalTo("unavailable"))
                .body("attempts.tries", contains(1, 1));

        assertEquals(1, primaryRequests(openai).size(), "the endpoint said not to retry");
    }

    @Test
    void xShouldRetryTrueRetriesAStatusThatIsOtherwiseFinal() {
        failsOnceWith(json(400, "{\"error\":{\"message\":\"transient\"}}").withHeader("x-should-retry", "true"));

        LambdaEvents.invoke(REQUEST).then().statusCode(200)
                .body("model", equalTo("gpt-5.4-nano"))
                .body("degraded", equalTo(false))
                .body("attempts[0].tries", equalTo(2));
    }

    private void failsOnceWith(ResponseDefinitionBuilder failure) {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).inScenario("once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(failure).willSetStateTo("answered"));
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).inScenario("once").whenScenarioStateIs("answered")
                .willReturn(ProviderPayloads.respond(200, ProviderPayloads.completion("{\"label\":\"billing\"}"))));
    }
}
