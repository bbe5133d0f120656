package dev.nanoclassifier.adapter;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link NotificationEventsTest} against the packaged artifact (with {@code -Dnative}: the native executable): SNS, SNS-in-SQS and EventBridge events with the results queue. */
@QuarkusIntegrationTest
@TestProfile(Profiles.ResultsQueue.class)
class NotificationEventsIT extends NotificationEventsTest {
}
