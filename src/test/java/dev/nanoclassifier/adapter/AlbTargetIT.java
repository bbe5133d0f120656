package dev.nanoclassifier.adapter;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AlbTargetTest} against the packaged artifact (with {@code -Dnative}: the native executable): ALB target events. */
@QuarkusIntegrationTest
@TestProfile(Profiles.Stubbed.class)
class AlbTargetIT extends AlbTargetTest {
}
