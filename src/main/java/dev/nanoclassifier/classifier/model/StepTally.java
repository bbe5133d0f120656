package dev.nanoclassifier.classifier.model;

import java.math.BigDecimal;

/**
 * What one step of the chain consumed over all its tries, failed ones included: every token the
 * endpoint reported is paid for.
 */
public final class StepTally {

    private int tries;
    private int unreportedResponses;
    private long inputTokens;
    private long outputTokens;
    private long cachedTokens;
    private long reasoningTokens;
    private BigDecimal providerCost;

    void countTry() {
        tries++;
    }

    /** A response arrived (valid or not): what it reported is added; one without usage is counted. */
    void received(ChatCompletionResponse.Usage usage) {
        if (usage == null) {
            unreportedResponses++;
            return;
        }
        inputTokens += orZero(usage.promptTokens());
        outputTokens += orZero(usage.completionTokens());
        if (usage.promptTokensDetails() != null) {
            cachedTokens += orZero(usage.promptTokensDetails().cachedTokens());
        }
        if (usage.completionTokensDetails() != null) {
            reasoningTokens += orZero(usage.completionTokensDetails().reasoningTokens());
        }
        if (usage.cost() != null) {
            providerCost = providerCost == null ? usage.cost() : providerCost.add(usage.cost());
        }
    }

    public int tries() {
        return tries;
    }

    /** Responses that carried no usage: the local token count stands in for them. */
    public int unreportedResponses() {
        return unreportedResponses;
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    public long cachedTokens() {
        return cachedTokens;
    }

    public long reasoningTokens() {
        return reasoningTokens;
    }

    /** The provider's own price of these calls (OpenRouter {@code usage.cost}), or null. */
    public BigDecimal providerCost() {
        return providerCost;
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
