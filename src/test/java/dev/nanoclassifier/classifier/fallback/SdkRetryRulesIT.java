package dev.nanoclassifier.classifier.fallback;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link SdkRetryRulesTest} against the packaged artifact (with {@code -Dnative}: the native executable): the SDK retry rules (retry-after-ms, x-should-retry, 408/409/5xx). */
@QuarkusIntegrationTest
@TestProfile(Profiles.Stubbed.class)
class SdkRetryRulesIT extends SdkRetryRulesTest {
}
