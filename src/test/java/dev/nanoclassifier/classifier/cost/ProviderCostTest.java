package dev.nanoclassifier.classifier.cost;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import dev.nanoclassifier.support.ProviderPayloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The cost of an answer as the provider bills it: OpenRouter BYOK is OpenRouter's fee plus the
 * provider's own charge; a response served at another service tier is priced at that tier.
 */
@QuarkusTest
@TestProfile(Profiles.Providers.class)
class ProviderCostTest {

    private static final String REQUEST = "{\"input\":\"it crashed\",\"labels\":[\"bug\",\"billing\"]}";

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
    }

    @Test
    void byokCostIsOpenRoutersFeePlusTheUpstreamCharge() {
        primaryAnswers(ProviderPayloads.withUsage(ProviderPayloads.completion("{\"label\":\"bug\"}"),
                "openrouter-usage-byok.json"));

        Response response = LambdaEvents.invoke(REQUEST);

        response.then().statusCode(200)
                .body("usage.inputTokens", equalTo(9171))
                .body("usage.outputTokens", equalTo(113))
                .body("usage.reasoningTokens", equalTo(55));
        // cost 0 (OpenRouter's fee) + upstream_inference_cost 0.0360795 (billed by the provider to the key's owner)
        assertEquals(0, new BigDecimal("0.0360795").compareTo(cost(response)));
    }

    @Test
    void withoutByokTheUpstreamFigureIsNotAddedAgain() {
        primaryAnswers(ProviderPayloads.withUsage(ProviderPayloads.completion("{\"label\":\"bug\"}"),
                "openrouter-usage-not-byok.json"));

        Response response = LambdaEvents.invoke(REQUEST);

        response.then().statusCode(200);
        assertEquals(0, new BigDecimal("0.0012").compareTo(cost(response)));
    }

    @Test
    void aFlexTierResponseIsPricedAtTheFlexPrice() {
        ObjectNode answer = ProviderPayloads.completion("{\"label\":\"bug\"}");
        answer.put("service_tier", "flex");
        primaryAnswers(answer);

        Response response = LambdaEvents.invoke(REQUEST);

        response.then().statusCode(200)
                .body("usage.inputTokens", equalTo(ProviderPayloads.PROMPT_TOKENS))
                .body("usage.outputTokens", equalTo(ProviderPayloads.COMPLETION_TOKENS));
        // 19 input at 0.10 and 10 output at 0.625 USD per million (the standard price would be 0.20 and 1.25).
        BigDecimal expected = new BigDecimal(Profiles.Providers.FLEX_INPUT).multiply(BigDecimal.valueOf(19))
                .add(new BigDecimal(Profiles.Providers.FLEX_OUTPUT).multiply(BigDecimal.valueOf(10)))
                .divide(BigDecimal.valueOf(1_000_000));
        assertEquals(0, expected.compareTo(cost(response)), "flex: " + cost(response));
    }

    @Test
    void theStandardTierKeepsTheStandardPrice() {
        primaryAnswers(ProviderPayloads.completion("{\"label\":\"bug\"}"));

        Response response = LambdaEvents.invoke(REQUEST);

        // "service_tier": "default" in the spec's example: 19 x 0.20 + 10 x 1.25 per million.
        assertEquals(0, new BigDecimal("0.0000163").compareTo(cost(response)));
    }

    private void primaryAnswers(ObjectNode body) {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(ProviderPayloads.respond(200, body)));
    }

    private static BigDecimal cost(Response response) {
        try {
            return new ObjectMapper().readTree(response.asString()).at("/usage/costUsd").decimalValue();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
