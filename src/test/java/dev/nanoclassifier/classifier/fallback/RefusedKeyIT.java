package dev.nanoclassifier.classifier.fallback;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link RefusedKeyTest} against the packaged artifact (the native binary with {@code ./mvnw verify -Pnative-it}). */
@QuarkusIntegrationTest
@TestProfile(Profiles.RefusedKey.class)
class RefusedKeyIT extends RefusedKeyTest {
}
