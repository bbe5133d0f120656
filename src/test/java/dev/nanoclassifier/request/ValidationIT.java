package dev.nanoclassifier.request;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ValidationTest} against the packaged artifact (the native binary with {@code ./mvnw verify -Dnative}). */
@QuarkusIntegrationTest
@TestProfile(Profiles.Stubbed.class)
class ValidationIT extends ValidationTest {
}
