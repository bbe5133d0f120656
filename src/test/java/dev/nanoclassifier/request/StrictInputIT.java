package dev.nanoclassifier.request;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link StrictInputTest} against the packaged artifact (with {@code -Dnative}: the native executable): strict request JSON (duplicate keys, trailing tokens) in the packaged artifact. */
@QuarkusIntegrationTest
@TestProfile(Profiles.Stubbed.class)
class StrictInputIT extends StrictInputTest {
}
