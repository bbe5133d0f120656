package dev.nanoclassifier.classifier.fallback;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link CircuitBreakerTest} against the packaged artifact (the native binary with {@code ./mvnw verify -Dnative}). */
@QuarkusIntegrationTest
@TestProfile(Profiles.Breaker.class)
class CircuitBreakerIT extends CircuitBreakerTest {
}
