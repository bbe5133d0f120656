package dev.nanoclassifier.adapter;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link SqsBatchTest} against the packaged artifact (the native binary with {@code ./mvnw verify -Dnative}). */
@QuarkusIntegrationTest
@TestProfile(Profiles.ResultsQueue.class)
class SqsBatchIT extends SqsBatchTest {
}
