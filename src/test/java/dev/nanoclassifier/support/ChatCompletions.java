package dev.nanoclassifier.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** Builds Chat Completions answers for the stub and reads back what the function sent. */
public final class ChatCompletions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatCompletions() {
    }

    /** A 200 answer whose message content is {@code content} (a JSON text), with usage. */
    public static ResponseDefinitionBuilder answer(String content) {
        return answer(content, "stop", null, 412, 6);
    }

    public static ResponseDefinitionBuilder answer(String content, String finishReason, String refusal, int promptTokens,
            int completionTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-test");
        body.put("object", "chat.completion");
        body.put("model", "stub");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        message.put("refusal", refusal);
        choice.put("finish_reason", finishReason);
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        usage.put("unknown_future_field", "ignored");
        return json(200, body.toString());
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static void primaryAnswers(WireMockServer server, String content) {
        server.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).willReturn(answer(content)));
    }

    public static void fallbackAnswers(WireMockServer server, String content) {
        server.stubFor(post(urlEqualTo(OpenAiStub.FALLBACK_PATH)).willReturn(answer(content)));
    }

    public static List<LoggedRequest> primaryRequests(WireMockServer server) {
        return server.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PRIMARY_PATH)));
    }

    public static List<LoggedRequest> fallbackRequests(WireMockServer server) {
        return server.findAll(postRequestedFor(urlEqualTo(OpenAiStub.FALLBACK_PATH)));
    }

    public static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError("request body is not JSON", e);
        }
    }
}
