package dev.nanoclassifier.adapter;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link HttpEnvelopeTest} against the packaged artifact (with {@code -Dnative}: the native executable): API Gateway envelope edge cases (base64, padded paths). */
@QuarkusIntegrationTest
@TestProfile(Profiles.Stubbed.class)
class HttpEnvelopeIT extends HttpEnvelopeTest {
}
