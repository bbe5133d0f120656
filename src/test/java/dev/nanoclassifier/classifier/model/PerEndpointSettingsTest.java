package dev.nanoclassifier.classifier.model;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.body;
import static dev.nanoclassifier.support.ChatCompletions.fallbackRequests;
import static dev.nanoclassifier.support.ChatCompletions.json;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import dev.nanoclassifier.support.ProviderPayloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Each endpoint of the chain gets its own {@code reasoning_effort} (models before gpt-5.1 reject
 * {@code none}) and its own output-limit field ({@code max_tokens} for servers such as Ollama,
 * whose OpenAI-compatible API ignores {@code max_completion_tokens}).
 */
@QuarkusTest
@TestProfile(Profiles.Providers.class)
class PerEndpointSettingsTest {

    @InjectOpenAiStub
    WireMockServer openai;

    @Test
    void theFallbackIsAskedWithItsOwnReasoningEffortAndLimitField() {
        openai.resetAll();
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(json(503, "{}")));
        openai.stubFor(post(urlEqualTo(OpenAiStub.FALLBACK_PATH))
                .willReturn(ProviderPayloads.respond(200, ProviderPayloads.completion("{\"label\":\"bug\"}"))));

        LambdaEvents.invoke("{\"input\":\"it crashed\",\"labels\":[\"bug\",\"billing\"]}").then().statusCode(200)
                .body("model", equalTo(OpenAiStub.FALLBACK_MODEL))
                .body("label", equalTo("bug"));

        JsonNode primary = body(primaryRequests(openai).get(0));
        assertEquals("none", primary.get("reasoning_effort").asText());
        assertTrue(primary.get("max_completion_tokens").asInt() > 0);
        assertFalse(primary.has("max_tokens"));

        JsonNode fallback = body(fallbackRequests(openai).get(0));
        assertEquals(OpenAiStub.FALLBACK_MODEL, fallback.get("model").asText());
        assertEquals("minimal", fallback.get("reasoning_effort").asText());
        assertEquals(primary.get("max_completion_tokens").asInt(), fallback.get("max_tokens").asInt(),
                "the same limit, in the field this endpoint reads");
        assertFalse(fallback.has("max_completion_tokens"));
    }
}
