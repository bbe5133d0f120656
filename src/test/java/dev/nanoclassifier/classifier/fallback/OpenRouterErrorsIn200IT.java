package dev.nanoclassifier.classifier.fallback;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link OpenRouterErrorsIn200Test} against the packaged artifact (with {@code -Dnative}: the native executable): OpenRouter's errors inside a 200 answer (their DTO fields registered for reflection). */
@QuarkusIntegrationTest
@TestProfile(Profiles.Stubbed.class)
class OpenRouterErrorsIn200IT extends OpenRouterErrorsIn200Test {
}
