package dev.nanoclassifier.classifier.model;

import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.nanoclassifier.support.ChatCompletions;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The model over HTTPS, as every real endpoint is: TLS handshake, certificate and host name checked
 * against the trust store, the request and key sent encrypted.
 */
@QuarkusTest
@TestProfile(Profiles.Tls.class)
class TlsEndpointTest {

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        primaryAnswers(openai, "{\"label\":\"billing\"}");
    }

    @Test
    void modelIsAskedOverHttps() {
        LambdaEvents.invoke("{\"input\":\"I was charged twice\",\"labels\":[\"billing\",\"bug\"]}").then().statusCode(200)
                .body("label", equalTo("billing"))
                .body("model", equalTo("gpt-5.4-nano"))
                .body("degraded", equalTo(false));

        List<LoggedRequest> calls = primaryRequests(openai);
        assertEquals(1, calls.size());
        assertEquals("https", calls.get(0).getScheme());
        assertEquals("Bearer " + OpenAiStub.PRIMARY_KEY, calls.get(0).getHeader("Authorization"));
        assertEquals("gpt-5.4-nano", ChatCompletions.body(calls.get(0)).path("model").asText());
    }
}
