package dev.nanoclassifier.classifier.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.fallbackAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import dev.nanoclassifier.support.ProviderPayloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * OpenRouter reports a provider's failure inside an HTTP 200 (a top-level {@code error}, or
 * {@code choices[0].error} with {@code finish_reason: "error"}). That is an unavailable endpoint,
 * retried like a 5xx, not a wrong answer; and a try that reported no usage costs nothing.
 */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class OpenRouterErrorsIn200Test {

    private static final String REQUEST = "{\"input\":\"My invoice is wrong\",\"labels\":[\"billing\",\"bug\"]}";

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        fallbackAnswers(openai, "{\"label\":\"bug\"}");
    }

    @Test
    void aTopLevelErrorIn200IsRetriedLikeA5xxAndCostsNothing() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).inScenario("or").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ProviderPayloads.respond(200, "openrouter-200-error.json")).willSetStateTo("again"));
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).inScenario("or").whenScenarioStateIs("again")
                .willReturn(ProviderPayloads.respond(200, "openrouter-200-error.json")).willSetStateTo("ok"));
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).inScenario("or").whenScenarioStateIs("ok")
                .willReturn(ProviderPayloads.respond(200, ProviderPayloads.completion("{\"label\":\"billing\"}"))));

        LambdaEvents.invoke(REQUEST).then().statusCode(200)
                .body("label", equalTo("billing"))
                .body("model", equalTo("gpt-5.4-nano"))
                .body("degraded", equalTo(false))
                .body("reason", nullValue())
                .body("attempts[0].tries", equalTo(3))
                .body("usage.inputTokens", equalTo(ProviderPayloads.PROMPT_TOKENS))
                .body("usage.outputTokens", equalTo(ProviderPayloads.COMPLETION_TOKENS));
        assertEquals(3, primaryRequests(openai).size());
    }

    @Test
    void aChoiceErrorIn200IsUnavailableNotAnInvalidAnswer() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH))
                .willReturn(ProviderPayloads.respond(200, "openrouter-200-choice-error.json")));

        LambdaEvents.invoke(REQUEST).then().statusCode(200)
                .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                .body("degraded", equalTo(true))
                .body("reason", equalTo("unavailable"))
                .body("attempts.outcome", contains("unavailable", "ok"))
                .body("attempts[0].tries", equalTo(3))
                // Only the fallback's answer (412 in, 6 out) is counted: nothing invented for the errors.
                .body("usage.inputTokens", equalTo(412))
                .body("usage.outputTokens", equalTo(6));
    }
}
