package dev.nanoclassifier.classifier.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The parts of a Chat Completions answer this function reads; everything else is ignored. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionResponse(String id, String model, List<Choice> choices, Usage usage) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(int index, ResponseMessage message, @JsonProperty("finish_reason") String finishReason) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResponseMessage(String role, String content, String refusal) {
    }

    /** Token usage; {@code cost} is OpenRouter's own price of the call in USD, when it sends one. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(
            @JsonProperty("prompt_tokens") Integer promptTokens,
            @JsonProperty("completion_tokens") Integer completionTokens,
            @JsonProperty("prompt_tokens_details") PromptTokensDetails promptTokensDetails,
            @JsonProperty("completion_tokens_details") CompletionTokensDetails completionTokensDetails,
            BigDecimal cost) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PromptTokensDetails(@JsonProperty("cached_tokens") Integer cachedTokens) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CompletionTokensDetails(@JsonProperty("reasoning_tokens") Integer reasoningTokens) {
    }
}
