package dev.nanoclassifier.config;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.ChatCompletions;
import dev.nanoclassifier.support.FakeAwsSecrets;

/** The key from SSM Parameter Store and Secrets Manager (fake AWS JSON APIs on 127.0.0.1), and clear failures. */
class ApiKeyResolverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer aws;

    @BeforeAll
    static void start() {
        aws = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        aws.start();
        FakeAwsSecrets.useTestCredentials();
    }

    @AfterAll
    static void stop() {
        aws.stop();
    }

    @BeforeEach
    void reset() {
        aws.resetAll();
    }

    @Test
    void readsASecureStringParameter() {
        FakeAwsSecrets.stubParameter(aws, "/nano-classifier/openai", "sk-test-ssm-4c1d");

        String key = ApiKeyResolver.fromParameterStore("/nano-classifier/openai", Optional.of(aws.baseUrl()));

        assertEquals("sk-test-ssm-4c1d", key);
        assertTrue(aws.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))).get(0)
                .getBodyAsString().contains("\"WithDecryption\":true"));
    }

    @Test
    void readsAPlainSecretString() {
        FakeAwsSecrets.stubSecret(aws, "arn:x", "sk-test-plain-77");

        assertEquals("sk-test-plain-77", ApiKeyResolver.fromSecretsManager("arn:x", Optional.of(aws.baseUrl()), JSON));
    }

    @Test
    void failureNamesTheSecretAndNeverTheKey() {
        aws.stubFor(post(urlEqualTo("/")).willReturn(ChatCompletions.json(400,
                "{\"__type\":\"AccessDeniedException\",\"message\":\"not allowed\"}")));

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ApiKeyResolver.fromSecretsManager("arn:aws:secretsmanager:us-east-1:1:secret:openai", Optional.of(aws.baseUrl()),
                        JSON));

        assertTrue(error.getMessage().contains("arn:aws:secretsmanager:us-east-1:1:secret:openai"), error.getMessage());
        assertTrue(error.getMessage().contains("OPENAI_API_KEY_SECRET_ARN"), error.getMessage());
    }

    @Test
    void emptySecretIsAnErrorNamingTheParameter() {
        FakeAwsSecrets.stubParameter(aws, "/empty", " ");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ApiKeyResolver.fromParameterStore("/empty", Optional.of(aws.baseUrl())));

        assertTrue(error.getMessage().contains("SSM parameter /empty"), error.getMessage());
        assertFalse(error.getMessage().contains("sk-"));
    }

    @Test
    void jsonSecretYieldsItsKeyField() {
        assertEquals("sk-a", ApiKeyResolver.keyFromSecretString("{\"OPENAI_API_KEY\":\"sk-a\"}", JSON));
        assertEquals("sk-b", ApiKeyResolver.keyFromSecretString("{\"apiKey\":\"sk-b\"}", JSON));
        assertEquals(null, ApiKeyResolver.keyFromSecretString("{\"other\":1}", JSON));
    }
}
