package dev.nanoclassifier.classifier.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The parts of a Chat Completions answer this function reads; everything else is ignored.
 * {@code serviceTier} is the tier that served the call ({@code default}, {@code flex},
 * {@code priority}, ...). {@code error} is set when the endpoint reports an error inside a 200
 * answer (OpenRouter), as is a choice's {@code error}.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionResponse(String id, String model, List<Choice> choices, Usage usage,
        @JsonProperty("service_tier") String serviceTier, JsonNode error) {

    /** The endpoint reported an error in this 200 answer instead of (or in the middle of) an answer. */
    public boolean reportsError() {
        if (error != null && !error.isNull()) {
            return true;
        }
        if (choices == null || choices.isEmpty()) {
            return false;
        }
        Choice first = choices.get(0);
        return "error".equals(first.finishReason()) || (first.error() != null && !first.error().isNull());
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(int index, ResponseMessage message, @JsonProperty("finish_reason") String finishReason,
            JsonNode error) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResponseMessage(String role, String content, String refusal) {
    }

    /**
     * Token usage; {@code cost} is OpenRouter's own price of the call in USD, when it sends one. With
     * BYOK ({@code is_byok}) that is only OpenRouter's fee: the provider billed the key's owner
     * {@code cost_details.upstream_inference_cost} on top. Without BYOK the upstream figure is a
     * breakdown of {@code cost}, not an addition.
     */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(
            @JsonProperty("prompt_tokens") Integer promptTokens,
            @JsonProperty("completion_tokens") Integer completionTokens,
            @JsonProperty("prompt_tokens_details") PromptTokensDetails promptTokensDetails,
            @JsonProperty("completion_tokens_details") CompletionTokensDetails completionTokensDetails,
            BigDecimal cost,
            @JsonProperty("is_byok") Boolean isByok,
            @JsonProperty("cost_details") CostDetails costDetails) {

        /** What the call cost in all, as the provider reports it; null when it reports no cost. */
        public BigDecimal providerCost() {
            BigDecimal upstream = Boolean.TRUE.equals(isByok) && costDetails != null
                    ? costDetails.upstreamInferenceCost()
                    : null;
            if (upstream == null) {
                return cost;
            }
            return cost == null ? upstream : cost.add(upstream);
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CostDetails(@JsonProperty("upstream_inference_cost") BigDecimal upstreamInferenceCost) {
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
