package dev.nanoclassifier.observability;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link OperatedTest} against the packaged artifact: in the native executable this proves the key from
 * Secrets Manager (plain AWS SDK client, url-connection) at init, the Caffeine answer cache and the
 * reject budget policy (jtokkit). The two log-capture tests read this JVM's stdout and run in JVM mode only.
 */
@QuarkusIntegrationTest
@TestProfile(Profiles.Operated.class)
class OperatedIT extends OperatedTest {
}
