package dev.nanoclassifier.result;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an answer consumed, failed tries included: tokens as the model reported them (or counted
 * locally when it did not) and the price in USD ({@code null} only when no price is configured for
 * a model that was called).
 */
@RegisterForReflection
public record Usage(long inputTokens, long outputTokens, long cachedTokens, long reasoningTokens, BigDecimal costUsd)
        implements WritesOwnJson {

    public static final Usage NONE = new Usage(0, 0, 0, 0, BigDecimal.ZERO);

    public Usage plus(Usage other) {
        BigDecimal cost = costUsd == null || other.costUsd == null ? null : costUsd.add(other.costUsd);
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cachedTokens + other.cachedTokens, reasoningTokens + other.reasoningTokens, cost);
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeNumberField("inputTokens", inputTokens);
        g.writeNumberField("outputTokens", outputTokens);
        g.writeNumberField("cachedTokens", cachedTokens);
        g.writeNumberField("reasoningTokens", reasoningTokens);
        g.writeNumberField("costUsd", costUsd);
        g.writeEndObject();
    }
}
