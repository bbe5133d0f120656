package dev.nanoclassifier.classifier.fallback;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link DeadlineTest} against the packaged artifact (the native binary with {@code ./mvnw verify -Dnative}). */
@QuarkusIntegrationTest
@TestProfile(Profiles.ThreeSecondDeadline.class)
class DeadlineIT extends DeadlineTest {
}
