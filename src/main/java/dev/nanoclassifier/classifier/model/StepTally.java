package dev.nanoclassifier.classifier.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one step of the chain consumed over all its tries, failed ones included: every token the
 * endpoint reported is paid for, at the price of the service tier that served it.
 */
public final class StepTally {

    /** The tier of a response that names none (or {@code default}/{@code auto}): the standard price. */
    public static final String STANDARD_TIER = "default";

    /** Tokens served at one service tier. */
    public record TierTokens(long input, long cached, long output) {

        TierTokens plus(long moreInput, long moreCached, long moreOutput) {
            return new TierTokens(input + moreInput, cached + moreCached, output + moreOutput);
        }
    }

    private int tries;
    private int unreportedResponses;
    private long reasoningTokens;
    private BigDecimal providerCost;
    private final Map<String, TierTokens> byTier = new LinkedHashMap<>();

    void countTry() {
        tries++;
    }

    /** An answer arrived (valid or not): what it reported is added; one without usage is counted. */
    void received(ChatCompletionResponse.Usage usage, String serviceTier) {
        if (usage == null) {
            unreportedResponses++;
            return;
        }
        add(usage, serviceTier);
    }

    /**
     * An error arrived inside a 200 answer: what it reported is added, and nothing is assumed for
     * one that reported no usage (no answer was generated for it).
     */
    void receivedError(ChatCompletionResponse.Usage usage, String serviceTier) {
        if (usage != null) {
            add(usage, serviceTier);
        }
    }

    private void add(ChatCompletionResponse.Usage usage, String serviceTier) {
        long input = orZero(usage.promptTokens());
        long output = orZero(usage.completionTokens());
        long cached = usage.promptTokensDetails() == null ? 0 : orZero(usage.promptTokensDetails().cachedTokens());
        if (usage.completionTokensDetails() != null) {
            reasoningTokens += orZero(usage.completionTokensDetails().reasoningTokens());
        }
        byTier.merge(tierOf(serviceTier), new TierTokens(input, cached, output),
                (sum, more) -> sum.plus(more.input(), more.cached(), more.output()));
        BigDecimal cost = usage.providerCost();
        if (cost != null) {
            providerCost = providerCost == null ? cost : providerCost.add(cost);
        }
    }

    private static String tierOf(String serviceTier) {
        return serviceTier == null || serviceTier.isBlank() || "auto".equals(serviceTier) ? STANDARD_TIER : serviceTier;
    }

    public int tries() {
        return tries;
    }

    /** Answers that carried no usage: the local token count stands in for them. */
    public int unreportedResponses() {
        return unreportedResponses;
    }

    public long inputTokens() {
        return byTier.values().stream().mapToLong(TierTokens::input).sum();
    }

    public long outputTokens() {
        return byTier.values().stream().mapToLong(TierTokens::output).sum();
    }

    public long cachedTokens() {
        return byTier.values().stream().mapToLong(TierTokens::cached).sum();
    }

    public long reasoningTokens() {
        return reasoningTokens;
    }

    /** The reported tokens by the service tier that served them ({@link #STANDARD_TIER} when unnamed). */
    public Map<String, TierTokens> tokensByTier() {
        return Map.copyOf(byTier);
    }

    /** The provider's own price of these calls (OpenRouter {@code usage.cost}, plus the upstream cost with BYOK), or null. */
    public BigDecimal providerCost() {
        return providerCost;
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
