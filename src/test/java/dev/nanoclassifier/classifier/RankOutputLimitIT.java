package dev.nanoclassifier.classifier;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link RankOutputLimitTest} against the packaged artifact (with {@code -Dnative}: the native executable): rank handles and the o200k output limit (jtokkit table as a resource). */
@QuarkusIntegrationTest
@TestProfile(Profiles.Stubbed.class)
class RankOutputLimitIT extends RankOutputLimitTest {
}
