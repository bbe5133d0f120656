package dev.nanoclassifier.bench.model;

import dev.nanoclassifier.bench.json.Json;

import java.util.Map;

/**
 * What the fake model sends back for one request: an HTTP status and a body.
 * {@link #content(String, Object)} wraps an answer in the OpenAI chat-completion shape.
 */
public record ModelReply(int status, String body) {

    /** A 200 chat completion whose message content is {@code content} serialized as JSON. */
    public static ModelReply content(String model, Object content) {
        return contentText(model, Json.write(content));
    }

    /** A 200 chat completion whose message content is exactly {@code text}. */
    public static ModelReply contentText(String model, String text) {
        return new ModelReply(200, ChatCompletions.completion(model, text, 120, 5));
    }

    /** Any status and body, e.g. a 429 or 500 in the OpenAI error shape. */
    public static ModelReply raw(int status, String body) {
        return new ModelReply(status, body);
    }

    /** An OpenAI-style error body: {@code {"error":{"message":..,"type":..}}}. */
    public static ModelReply error(int status, String type, String message) {
        return new ModelReply(status, Json.write(Map.of("error", Map.of("message", message, "type", type))));
    }
}
