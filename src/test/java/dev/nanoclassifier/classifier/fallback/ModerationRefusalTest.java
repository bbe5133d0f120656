package dev.nanoclassifier.classifier.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.fallbackAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import dev.nanoclassifier.support.ProviderPayloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * OpenRouter answers 403 when the request's input was flagged by moderation or blocked by a
 * guardrail: that is about this request, not the key. The step fails ({@code refused}), the next
 * step answers, and the endpoint keeps serving other requests.
 */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class ModerationRefusalTest {

    private static final String REQUEST = "{\"input\":\"some flagged text\",\"labels\":[\"billing\",\"bug\"]}";

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        fallbackAnswers(openai, "{\"label\":\"bug\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "openrouter-moderation-403.json", "openrouter-guardrail-403.json" })
    void aRefusedInputFailsTheStepButNotTheEndpoint(String fixture) {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(ProviderPayloads.respond(403, fixture)));

        for (int i = 0; i < 2; i++) {
            LambdaEvents.invoke(REQUEST).then().statusCode(200)
                    .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                    .body("reason", equalTo("refused"))
                    .body("attempts.outcome", contains("refused", "ok"))
                    .body("attempts[0].tries", equalTo(1));
        }
        assertEquals(2, primaryRequests(openai).size(), "asked once per request, not retried, not taken out");
    }
}
