package dev.nanoclassifier.classifier.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.config.ApiKeyResolver;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.observability.ModelCallTracing;

/**
 * The model steps of the fallback chain, primary first, each built once per execution
 * environment. A step without an API key is not built: with no key at all, the embedded local
 * classifier answers.
 */
@Singleton
public class ModelEndpoints {

    private final List<ModelEndpoint> chain;

    public ModelEndpoints(ClassifierConfig config, ApiKeyResolver keys, ModelCallTracing tracing,
            ObjectMapper mapper) {
        List<ModelEndpoint> endpoints = new ArrayList<>();
        String primaryUrl = config.openai().baseUrl();
        keys.apiKey().ifPresent(key -> endpoints.add(
                new ModelEndpoint("primary", config.model(), primaryUrl, key, config, tracing, mapper)));
        int index = 0;
        for (ClassifierConfig.FallbackModel fallback : config.fallbacks()) {
            int position = index++;
            fallback.apiKey().or(keys::apiKey).ifPresent(key -> endpoints.add(new ModelEndpoint(
                    "fallback-" + position, fallback.model(), fallback.baseUrl().orElse(primaryUrl), key,
                    fallback.reasoningEffort().orElse(config.reasoningEffort()),
                    fallback.outputLimitField().orElse(config.outputLimitField()), config, tracing, mapper)));
        }
        this.chain = List.copyOf(endpoints);
    }

    /** Primary first, then the fallbacks in configured order. */
    public List<ModelEndpoint> chain() {
        return chain;
    }
}
