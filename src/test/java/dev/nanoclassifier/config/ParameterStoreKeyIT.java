package dev.nanoclassifier.config;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link ParameterStoreKeyTest} against the packaged artifact: in the native executable this proves the
 * plain AWS SDK SSM client (url-connection HTTP client, SigV4 signer, JSON protocol) works.
 */
@QuarkusIntegrationTest
@TestProfile(Profiles.ParameterStoreKey.class)
class ParameterStoreKeyIT extends ParameterStoreKeyTest {
}
