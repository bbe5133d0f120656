package dev.nanoclassifier.adapter;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link SqsSampleEventsTest} against the packaged artifact (with {@code -Dnative}: the native executable): AWS's own SQS sample events with the results queue. */
@QuarkusIntegrationTest
@TestProfile(Profiles.ResultsQueue.class)
class SqsSampleEventsIT extends SqsSampleEventsTest {
}
