package dev.nanoclassifier.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.nanoclassifier.config.ClassifierConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The environment variables operators set reach the settings: the project's
 * application.properties read with an environment (ordinal 300, as in Quarkus) on top.
 */
class LogSettingsFromEnvironmentTest {

    private static SmallRyeConfig with(Map<String, String> environment) throws IOException {
        URL properties = Path.of("src/main/resources/application.properties").toUri().toURL();
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors() // expands ${...} as Quarkus does
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new io.smallrye.config.EnvConfigSource(environment, 300))
                .withMapping(ClassifierConfig.class)
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .build();
    }

    @Test
    void logLevelFollowsQuarkusThenPowertoolsThenLambda() throws IOException {
        assertEquals("INFO", with(Map.of()).getRawValue("quarkus.log.level"));
        assertEquals("ERROR", with(Map.of("AWS_LAMBDA_LOG_LEVEL", "ERROR")).getRawValue("quarkus.log.level"));
        assertEquals("DEBUG", with(Map.of("POWERTOOLS_LOG_LEVEL", "DEBUG", "AWS_LAMBDA_LOG_LEVEL", "ERROR"))
                .getRawValue("quarkus.log.level"));
        SmallRyeConfig quarkusWins = with(Map.of("QUARKUS_LOG_LEVEL", "WARN", "POWERTOOLS_LOG_LEVEL", "DEBUG"));
        assertEquals("WARN", quarkusWins.getRawValue("quarkus.log.level"));
        assertEquals("WARN", quarkusWins.getRawValue("quarkus.log.category.\"dev.nanoclassifier\".level"),
                "the app's own category follows the root level");
    }

    @Test
    void powertoolsNamesReachTheObservabilitySettings() throws IOException {
        ClassifierConfig.Observability set = with(Map.of("POWERTOOLS_SERVICE_NAME", "triage",
                "POWERTOOLS_LOGGER_SAMPLE_RATE", "0.05", "AWS_XRAY_DAEMON_ADDRESS", "169.254.79.129:2000"))
                .getConfigMapping(ClassifierConfig.class).observability();
        ClassifierConfig.Observability unset = with(Map.of()).getConfigMapping(ClassifierConfig.class).observability();

        assertEquals("triage", set.service().orElseThrow());
        assertEquals(0.05, set.debugSampleRate());
        assertEquals("169.254.79.129:2000", set.xrayDaemonAddress().orElseThrow());
        assertEquals(java.util.Optional.empty(), unset.service());
        assertEquals(0.0, unset.debugSampleRate());
        assertEquals(java.util.Optional.empty(), unset.xrayDaemonAddress());
        assertEquals(true, unset.tracing());
    }
}
