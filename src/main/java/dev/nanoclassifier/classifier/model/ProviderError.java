package dev.nanoclassifier.classifier.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an endpoint's error body says, where it changes what the failure means: OpenAI's
 * {@code {"error":{"type":"insufficient_quota","code":"insufficient_quota",...}}} (no credit left, not a
 * rate limit) and OpenRouter's 403 for an input flagged by moderation or blocked by a guardrail
 * ({@code error.metadata.reasons}, {@code flagged_input}). Only these facts are kept: the body can
 * quote the caller's text, which never goes to a log.
 */
record ProviderError(boolean insufficientQuota, boolean flaggedInput) {

    static final ProviderError NONE = new ProviderError(false, false);

    /** Reads an error body with the application's mapper; anything unreadable says nothing. */
    static ProviderError of(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        try {
            return of(json.readTree(body).path("error"));
        } catch (Exception notJson) {
            return NONE;
        }
    }

    /** Reads an {@code error} object (the value of the {@code error} field). */
    static ProviderError of(JsonNode error) {
        if (error == null || !error.isObject()) {
            return NONE;
        }
        boolean quota = "insufficient_quota".equals(error.path("code").asText(null))
                || "insufficient_quota".equals(error.path("type").asText(null));
        JsonNode metadata = error.path("metadata");
        String message = error.path("message").asText("");
        boolean flagged = metadata.has("reasons") || metadata.has("flagged_input")
                || "content_policy_violation".equals(metadata.path("error_type").asText(null))
                || message.contains("Your input was flagged") || message.startsWith("Request blocked");
        return new ProviderError(quota, flagged);
    }
}
