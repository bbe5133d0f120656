package dev.nanoclassifier.config;

import java.net.URI;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Finds the primary endpoint's API key once per execution environment: {@code OPENAI_API_KEY}
 * itself, else the Secrets Manager secret {@code OPENAI_API_KEY_SECRET_ARN} (its string, or the
 * field {@code OPENAI_API_KEY} / {@code apiKey} when it is JSON), else the SSM SecureString
 * {@code OPENAI_API_KEY_PARAMETER}. A secret that cannot be read is an init error naming the
 * secret, never the key. No AWS client is built unless a secret is configured.
 */
@Singleton
public class ApiKeyResolver {

    private final Optional<String> apiKey;

    public ApiKeyResolver(ClassifierConfig config, ObjectMapper mapper) {
        ClassifierConfig.OpenAi openai = config.openai();
        if (openai.apiKey().isPresent()) {
            apiKey = openai.apiKey();
        } else if (openai.apiKeySecretArn().isPresent()) {
            apiKey = Optional.of(fromSecretsManager(openai.apiKeySecretArn().get(), openai.awsEndpointOverride(), mapper));
        } else if (openai.apiKeyParameter().isPresent()) {
            apiKey = Optional.of(fromParameterStore(openai.apiKeyParameter().get(), openai.awsEndpointOverride()));
        } else {
            apiKey = Optional.empty();
        }
    }

    /** The key, when one is configured anywhere. */
    public Optional<String> apiKey() {
        return apiKey;
    }

    static String fromSecretsManager(String secretId, Optional<String> endpoint, ObjectMapper mapper) {
        var builder = SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.map(URI::create).ifPresent(builder::endpointOverride);
        try (SecretsManagerClient client = builder.build()) {
            String secret = client.getSecretValue(request -> request.secretId(secretId)).secretString();
            return nonEmpty(keyFromSecretString(secret, mapper), "Secrets Manager secret " + secretId);
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot read the OpenAI API key from Secrets Manager secret " + secretId
                    + " (OPENAI_API_KEY_SECRET_ARN): " + e.getClass().getSimpleName(), e);
        }
    }

    static String fromParameterStore(String name, Optional<String> endpoint) {
        var builder = SsmClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.map(URI::create).ifPresent(builder::endpointOverride);
        try (SsmClient client = builder.build()) {
            String value = client.getParameter(request -> request.name(name).withDecryption(true)).parameter().value();
            return nonEmpty(value, "SSM parameter " + name);
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot read the OpenAI API key from SSM parameter " + name
                    + " (OPENAI_API_KEY_PARAMETER): " + e.getClass().getSimpleName(), e);
        }
    }

    static String keyFromSecretString(String secret, ObjectMapper mapper) {
        if (secret == null) {
            return null;
        }
        String trimmed = secret.trim();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode json = mapper.readTree(trimmed);
                for (String field : new String[] { "OPENAI_API_KEY", "apiKey", "api_key" }) {
                    if (json.path(field).isTextual()) {
                        return json.path(field).asText();
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return trimmed;
    }

    private static String nonEmpty(String key, String source) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(source + " holds no API key (expected the key itself, or JSON with "
                    + "\"OPENAI_API_KEY\")");
        }
        return key;
    }
}
