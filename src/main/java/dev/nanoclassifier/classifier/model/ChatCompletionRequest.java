package dev.nanoclassifier.classifier.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code POST /chat/completions}: only the fields this function sends. The output limit
 * goes in {@code max_completion_tokens} or, for servers that only read that, {@code max_tokens};
 * never both.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(
        String model,
        List<Message> messages,
        @JsonProperty("response_format") ResponseFormat responseFormat,
        @JsonProperty("reasoning_effort") String reasoningEffort,
        @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
        @JsonProperty("max_tokens") Integer maxTokens) {

    @RegisterForReflection
    public record Message(String role, String content) {
    }

    /** {@code {"type":"json_schema","json_schema":{"name":...,"strict":true,"schema":...}}}. */
    @RegisterForReflection
    public record ResponseFormat(String type, @JsonProperty("json_schema") JsonSchema jsonSchema) {

        public static ResponseFormat strict(String name, JsonNode schema) {
            return new ResponseFormat("json_schema", new JsonSchema(name, true, schema));
        }
    }

    @RegisterForReflection
    public record JsonSchema(String name, boolean strict, JsonNode schema) {
    }
}
