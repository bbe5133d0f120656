package dev.nanoclassifier.classifier.cost;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.ChatCompletions;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Cost from the shipped prices (USD per 1M tokens), and a provider's own reported cost. */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class CostTest {

    @Inject
    CostCalculator costs;

    @InjectOpenAiStub
    WireMockServer openai;

    @Test
    void nanoInputCachedInputAndOutputArePricedSeparately() {
        // 1M input of which 500k cached, 1M output: 0.5 * 0.20 + 0.5 * 0.02 + 1.25
        assertEquals(0, new BigDecimal("1.36").compareTo(costs.cost("gpt-5.4-nano", 1_000_000, 500_000, 1_000_000, null)));
        // 412 in, 6 out: (412 * 0.20 + 6 * 1.25) / 1M
        assertEquals(0, new BigDecimal("0.0000899").compareTo(costs.cost("gpt-5.4-nano", 412, 0, 6, null)));
    }

    @Test
    void miniWithoutACachedPriceChargesCachedTokensAtTheInputPrice() {
        assertEquals(0, new BigDecimal("5.25").compareTo(costs.cost("gpt-5.4-mini", 1_000_000, 400_000, 1_000_000, null)));
        assertEquals(0, new BigDecimal("17.50").compareTo(costs.cost("gpt-5.4", 1_000_000, 0, 1_000_000, null)));
    }

    @Test
    void providerPrefixedModelUsesThePriceOfItsName() {
        assertEquals(0, new BigDecimal("0.20").compareTo(costs.cost("openai/gpt-5.4-nano", 1_000_000, 0, 0, null)));
    }

    @Test
    void providerCostWinsAndUnknownModelsHaveNoPrice() {
        assertEquals(new BigDecimal("0.00042"), costs.cost("gpt-5.4-nano", 10, 0, 10, new BigDecimal("0.00042")));
        assertNull(costs.cost("some-local-llama", 10, 0, 10, null));
    }

    @Test
    void responseReportsOpenRouterCostWhenTheProviderSendsIt() {
        openai.resetAll();
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(ChatCompletions.json(200, """
                {"choices":[{"index":0,"message":{"role":"assistant","content":"{\\"label\\":\\"bug\\"}"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":100,"completion_tokens":5,"cost":0.00042,"is_byok":false}}""")));

        LambdaEvents.invoke("{\"input\":\"it crashed\",\"labels\":[\"bug\",\"billing\"]}").then().statusCode(200)
                .body("usage.inputTokens", equalTo(100))
                .body("usage.costUsd", equalTo(0.00042f));
    }
}
