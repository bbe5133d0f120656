package dev.nanoclassifier.classifier;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link SchemaOverStrictLimitsTest} against the packaged artifact (with {@code -Dnative}: the native executable): OpenAI's strict-schema limits checked before sending. */
@QuarkusIntegrationTest
@TestProfile(Profiles.ManyLabels.class)
class SchemaOverStrictLimitsIT extends SchemaOverStrictLimitsTest {
}
