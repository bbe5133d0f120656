package dev.nanoclassifier.classifier.model;

import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link TlsEndpointTest} against the packaged artifact: in the native executable this proves the TLS
 * stack (quarkus.ssl.native: JSSE, the security providers, a PKCS12 trust store read at run time).
 */
@QuarkusIntegrationTest
@TestProfile(Profiles.Tls.class)
class TlsEndpointIT extends TlsEndpointTest {
}
