package dev.nanoclassifier.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Real provider payloads (src/test/resources/providers, see SOURCES.md there), as the stub serves
 * them. A test changes only what it needs (the answer's content, its usage, its service tier).
 */
public final class ProviderPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderPayloads() {
    }

    public static ObjectNode fixture(String name) {
        try (InputStream in = ProviderPayloads.class.getResourceAsStream("/providers/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture providers/" + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /** The OpenAI spec's chat completion with {@code content} as the assistant's message. */
    public static ObjectNode completion(String content) {
        ObjectNode body = fixture("openai-chat-completion.json");
        ((ObjectNode) body.get("choices").get(0).get("message")).put("content", content);
        return body;
    }

    /** {@code body} with its {@code usage} replaced by the fixture {@code usageFixture}. */
    public static ObjectNode withUsage(ObjectNode body, String usageFixture) {
        body.set("usage", fixture(usageFixture));
        return body;
    }

    public static ResponseDefinitionBuilder respond(int status, JsonNode body) {
        return ChatCompletions.json(status, body.toString());
    }

    public static ResponseDefinitionBuilder respond(int status, String fixture) {
        return respond(status, fixture(fixture));
    }

    /** The prompt tokens the spec's example reports. */
    public static final int PROMPT_TOKENS = 19;
    /** The completion tokens the spec's example reports. */
    public static final int COMPLETION_TOKENS = 10;
}
