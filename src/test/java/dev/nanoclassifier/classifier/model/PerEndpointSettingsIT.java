package dev.nanoclassifier.classifier.model;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link PerEndpointSettingsTest} against the packaged artifact (with {@code -Dnative}: the native executable): per-fallback reasoning effort and output-limit field, read from the config map natively. */
@QuarkusIntegrationTest
@TestProfile(Profiles.Providers.class)
class PerEndpointSettingsIT extends PerEndpointSettingsTest {
}
