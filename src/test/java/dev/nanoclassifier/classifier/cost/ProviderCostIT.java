package dev.nanoclassifier.classifier.cost;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ProviderCostTest} against the packaged artifact (with {@code -Dnative}: the native executable): provider-reported cost, BYOK and service-tier prices (nested config maps). */
@QuarkusIntegrationTest
@TestProfile(Profiles.Providers.class)
class ProviderCostIT extends ProviderCostTest {
}
