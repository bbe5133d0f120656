package dev.nanoclassifier.adapter;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link NoKeyTest} against the packaged artifact (the native binary with {@code ./mvnw verify -Dnative}). */
@QuarkusIntegrationTest
@TestProfile(Profiles.NoKey.class)
class NoKeyIT extends NoKeyTest {
}
