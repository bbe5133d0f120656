package dev.nanoclassifier.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The environment variable names the README documents reach the configuration they name. */
class EnvironmentNamesTest {

    @Test
    void documentedEnvironmentVariablesMapOntoTheConfiguration() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.ofEntries(
                        Map.entry("CLASSIFIER_MODEL", "gpt-5.4"),
                        Map.entry("CLASSIFIER_RESULT_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/1/results"),
                        Map.entry("CLASSIFIER_BATCH_CONCURRENCY", "4"),
                        Map.entry("CLASSIFIER_TIMEOUTS_CALL", "2s"),
                        Map.entry("CLASSIFIER_BUDGET_POLICY", "reject"),
                        Map.entry("CLASSIFIER_FALLBACKS_0__MODEL", "gpt-5.4-mini"),
                        Map.entry("CLASSIFIER_FALLBACKS_0__REASONING_EFFORT", "minimal"),
                        Map.entry("CLASSIFIER_FALLBACKS_0__OUTPUT_LIMIT_FIELD", "max_tokens"),
                        Map.entry("CLASSIFIER_OUTPUT_LIMIT_FIELD", "max_tokens"),
                        Map.entry("CLASSIFIER_FALLBACKS_1__MODEL", "openai/gpt-5.4-nano"),
                        Map.entry("CLASSIFIER_FALLBACKS_1__BASE_URL", "https://openrouter.ai/api/v1")), 300))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(ClassifierConfig.class)
                .build();

        ClassifierConfig classifier = config.getConfigMapping(ClassifierConfig.class);

        assertEquals("gpt-5.4", classifier.model());
        assertEquals("https://sqs.eu-west-1.amazonaws.com/1/results", classifier.resultQueueUrl().orElseThrow());
        assertEquals(4, classifier.batchConcurrency());
        assertEquals(Duration.ofSeconds(2), classifier.timeouts().call());
        assertEquals(ClassifierConfig.BudgetPolicy.REJECT, classifier.budget().policy());
        assertEquals(2, classifier.fallbacks().size());
        assertEquals("gpt-5.4-mini", classifier.fallbacks().get(0).model());
        assertEquals("openai/gpt-5.4-nano", classifier.fallbacks().get(1).model());
        assertEquals("https://openrouter.ai/api/v1", classifier.fallbacks().get(1).baseUrl().orElseThrow());
        assertEquals("none", classifier.reasoningEffort(), "documented default");
        assertEquals("max_tokens", classifier.outputLimitField());
        assertEquals("minimal", classifier.fallbacks().get(0).reasoningEffort().orElseThrow());
        assertEquals("max_tokens", classifier.fallbacks().get(0).outputLimitField().orElseThrow());
        assertEquals(java.util.Optional.empty(), classifier.fallbacks().get(1).reasoningEffort(), "unset: the primary's");
    }
}
