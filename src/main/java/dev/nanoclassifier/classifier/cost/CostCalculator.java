package dev.nanoclassifier.classifier.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.nanoclassifier.config.ClassifierConfig;

/**
 * Prices a model call from its token usage and the configured USD-per-million-token prices:
 * uncached input at the input price, cached input at the cached price (the input price when none
 * is set), output (reasoning included) at the output price, each at the price of the service tier
 * that served it when one is configured ({@code flex}, {@code priority}). A provider's own reported
 * cost (OpenRouter {@code usage.cost}, plus the upstream cost with BYOK) wins over the computation.
 */
@Singleton
public class CostCalculator {

    private static final Logger LOG = Logger.getLogger(CostCalculator.class);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final Map<String, ClassifierConfig.Price> prices;
    private final Set<String> warnedUnpriced = ConcurrentHashMap.newKeySet();

    @Inject
    public CostCalculator(ClassifierConfig config) {
        this(config.prices());
    }

    /** Prices in USD per million tokens by model name. */
    public CostCalculator(Map<String, ClassifierConfig.Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** USD for these tokens on {@code model}; null when the model has no price and the provider sent none. */
    public BigDecimal cost(String model, long inputTokens, long cachedTokens, long outputTokens, BigDecimal providerCost) {
        return providerCost != null ? providerCost : cost(model, null, inputTokens, cachedTokens, outputTokens);
    }

    /**
     * USD for these tokens on {@code model} served at {@code serviceTier} (null or {@code default}:
     * the standard price); a tier without a configured price is priced as standard. Null when the
     * model has no price.
     */
    public BigDecimal cost(String model, String serviceTier, long inputTokens, long cachedTokens, long outputTokens) {
        ClassifierConfig.Price price = priceOf(model);
        if (price == null) {
            if (warnedUnpriced.add(model)) {
                LOG.warnf("No price configured for model %s: costUsd is null. Set classifier.prices.\"%s\".input/output.",
                        model, model);
            }
            return null;
        }
        BigDecimal input = price.input();
        BigDecimal cachedPrice = price.cachedInput().orElse(input);
        BigDecimal output = price.output();
        ClassifierConfig.TierPrice tier = serviceTier == null ? null : price.tiers().get(serviceTier);
        if (tier != null) {
            input = tier.input().orElse(input);
            cachedPrice = tier.cachedInput().or(tier::input).orElse(cachedPrice);
            output = tier.output().orElse(output);
        }
        long uncached = Math.max(0, inputTokens - cachedTokens);
        BigDecimal micro = input.multiply(BigDecimal.valueOf(uncached))
                .add(cachedPrice.multiply(BigDecimal.valueOf(cachedTokens)))
                .add(output.multiply(BigDecimal.valueOf(outputTokens)));
        return micro.divide(MILLION, new MathContext(12, RoundingMode.HALF_UP)).stripTrailingZeros();
    }

    /** The exact model name, else the name after a provider prefix ({@code openai/gpt-5.4-nano}). */
    private ClassifierConfig.Price priceOf(String model) {
        ClassifierConfig.Price price = prices.get(model);
        if (price == null && model.contains("/")) {
            price = prices.get(model.substring(model.lastIndexOf('/') + 1));
        }
        return price;
    }
}
