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
 * is set), output (reasoning included) at the output price. A provider's own reported cost
 * (OpenRouter {@code usage.cost}) wins over the computation.
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
        if (providerCost != null) {
            return providerCost;
        }
        ClassifierConfig.Price price = priceOf(model);
        if (price == null) {
            if (warnedUnpriced.add(model)) {
                LOG.warnf("No price configured for model %s: costUsd is null. Set classifier.prices.\"%s\".input/output.",
                        model, model);
            }
            return null;
        }
        long uncached = Math.max(0, inputTokens - cachedTokens);
        BigDecimal cachedPrice = price.cachedInput().orElse(price.input());
        BigDecimal micro = price.input().multiply(BigDecimal.valueOf(uncached))
                .add(cachedPrice.multiply(BigDecimal.valueOf(cachedTokens)))
                .add(price.output().multiply(BigDecimal.valueOf(outputTokens)));
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
