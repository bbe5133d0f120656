package dev.nanoclassifier.classifier.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.fallbackAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.adapter.ApiGatewayTest;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import dev.nanoclassifier.support.ProviderPayloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * OpenAI's 429 {@code insufficient_quota} means the account has no credit left: it is not a rate
 * limit, so it is not retried, and the endpoint is left alone for a while like one that refused
 * the key, so the next requests do not pay for the same answer.
 */
@QuarkusTest
@TestProfile(Profiles.QuotaExceeded.class)
class QuotaExceededTest {

    private static final String REQUEST = "{\"input\":\"My invoice is wrong\",\"labels\":[\"billing\",\"bug\"]}";

    @InjectOpenAiStub
    WireMockServer openai;

    @Test
    void insufficientQuotaIsNotRetriedAndTakesTheEndpointOut() {
        openai.resetAll();
        fallbackAnswers(openai, "{\"label\":\"billing\"}");
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH))
                .willReturn(ProviderPayloads.respond(429, "openai-insufficient-quota-429.json").withHeader("Retry-After", "1")));

        for (int i = 0; i < 2; i++) {
            LambdaEvents.invoke(REQUEST).then().statusCode(200)
                    .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                    .body("degraded", equalTo(true))
                    .body("reason", equalTo("quota_exceeded"))
                    .body("attempts.outcome", contains("quota_exceeded", "ok"));
        }
        assertEquals(1, primaryRequests(openai).size(), "one call, no retry, then the endpoint is skipped");

        // With "fallback":"none" the caller is told why, without a Retry-After to wait for.
        JsonPath body = ApiGatewayTest.httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify",
                "{\"input\":\"My invoice is wrong\",\"labels\":[\"billing\",\"bug\"],\"fallback\":\"none\"}")), 503);
        assertEquals("model_unavailable", body.getString("error.code"));
        assertEquals("quota_exceeded", body.getString("error.reason"));
        assertEquals(1, primaryRequests(openai).size());
    }
}
