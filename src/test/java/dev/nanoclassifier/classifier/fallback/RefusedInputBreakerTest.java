package dev.nanoclassifier.classifier.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.ProviderPayloads;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Input refused by the provider's moderation (OpenRouter's 403 with {@code flagged_input}) is about
 * the request, not the endpoint: it must not count towards the circuit breaker. With a breaker that
 * opens after 4 calls with half failed, six refusals in a row still reach the endpoint every time.
 */
@QuarkusTest
@TestProfile(RefusedInputBreakerTest.BreakerOfItsOwn.class)
class RefusedInputBreakerTest {

    /** {@link Profiles.Breaker} in an application of its own, so no other test's breaker state is shared. */
    public static class BreakerOfItsOwn extends Profiles.Breaker {
    }

    private static final String REQUEST = "{\"input\":\"My invoice is wrong\",\"labels\":[\"billing\",\"bug\"]}";

    @InjectOpenAiStub
    WireMockServer openai;

    @Test
    void refusedInputsDoNotOpenTheBreaker() {
        openai.resetAll();
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH))
                .willReturn(ProviderPayloads.respond(403, "openrouter-moderation-403.json")));

        int requests = 6;
        for (int i = 0; i < requests; i++) {
            LambdaEvents.invoke(REQUEST).then().statusCode(200)
                    .body("model", equalTo("local"))
                    .body("reason", equalTo("refused"))
                    .body("attempts.outcome", contains("refused", "ok"));
        }
        assertEquals(requests, primaryRequests(openai).size(), "every request reached the endpoint: the breaker stayed closed");
    }
}
