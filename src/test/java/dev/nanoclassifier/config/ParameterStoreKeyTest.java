package dev.nanoclassifier.config;

import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.nanoclassifier.support.ChatCompletions;
import dev.nanoclassifier.support.FakeAwsSecrets;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * OPENAI_API_KEY_PARAMETER: the key is read once at init from an SSM SecureString (the plain AWS SDK
 * SSM client, url-connection, against a fake SSM on 127.0.0.1) and sent to the model.
 */
@QuarkusTest
@TestProfile(Profiles.ParameterStoreKey.class)
class ParameterStoreKeyTest {

    @InjectOpenAiStub
    WireMockServer openai;

    @Test
    void keyFromTheParameterIsSentToTheModelAndFetchedOnceWithDecryption() throws Exception {
        // No request reset: the parameter fetch at init must stay visible. Counts below are deltas.
        primaryAnswers(openai, "{\"label\":\"billing\"}");
        int before = primaryRequests(openai).size();

        for (int i = 0; i < 3; i++) {
            LambdaEvents.invoke("{\"input\":\"invoice question " + i + "\",\"labels\":[\"billing\",\"bug\"]}")
                    .then().statusCode(200).body("label", equalTo("billing")).body("model", equalTo("gpt-5.4-nano"));
        }

        List<LoggedRequest> calls = primaryRequests(openai);
        assertEquals(before + 3, calls.size());
        calls.forEach(call -> assertEquals("Bearer " + OpenAiStub.PARAMETER_KEY, call.getHeader("Authorization")));

        LoggedRequest fetch = FakeAwsSecrets.onlyRequest(openai, FakeAwsSecrets.GET_PARAMETER);
        JsonNode body = ChatCompletions.body(fetch);
        assertEquals(OpenAiStub.PARAMETER_NAME, body.path("Name").asText());
        assertTrue(body.path("WithDecryption").asBoolean(), "a SecureString is read decrypted");
        assertTrue(fetch.getHeader("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=test-access-key/"),
                "the request is SigV4-signed with the configured credentials: " + fetch.getHeader("Authorization"));
    }
}
