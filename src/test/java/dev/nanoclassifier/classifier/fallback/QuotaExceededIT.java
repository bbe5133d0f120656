package dev.nanoclassifier.classifier.fallback;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link QuotaExceededTest} against the packaged artifact (with {@code -Dnative}: the native executable): insufficient_quota and 402 as quota_exceeded. */
@QuarkusIntegrationTest
@TestProfile(Profiles.QuotaExceeded.class)
class QuotaExceededIT extends QuotaExceededTest {
}
