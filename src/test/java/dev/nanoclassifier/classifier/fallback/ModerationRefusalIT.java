package dev.nanoclassifier.classifier.fallback;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ModerationRefusalTest} against the packaged artifact (with {@code -Dnative}: the native executable): OpenRouter's moderation 403 as refused. */
@QuarkusIntegrationTest
@TestProfile(Profiles.Stubbed.class)
class ModerationRefusalIT extends ModerationRefusalTest {
}
