package dev.nanoclassifier.classifier.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.fallbackAnswers;
import static dev.nanoclassifier.support.ChatCompletions.json;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** 401 is a configuration error: no retry, and the endpoint is not called again for a while. */
@QuarkusTest
@TestProfile(Profiles.RefusedKey.class)
class RefusedKeyTest {

    private static final String REQUEST = "{\"input\":\"My invoice is wrong\",\"labels\":[\"billing\",\"bug\"]}";

    @InjectOpenAiStub
    WireMockServer openai;

    @Test
    void unauthorizedIsNotRetriedNorHammered() {
        openai.resetAll();
        fallbackAnswers(openai, "{\"label\":\"billing\"}");
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH))
                .willReturn(json(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}")));

        for (int i = 0; i < 3; i++) {
            LambdaEvents.invoke(REQUEST).then().statusCode(200)
                    .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                    .body("degraded", equalTo(true))
                    .body("reason", equalTo("unauthorized"));
        }

        assertEquals(1, primaryRequests(openai).size(), "one call, then the endpoint is left alone");
    }
}
