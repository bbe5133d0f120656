package dev.nanoclassifier.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate for 127.0.0.1 made with the JDK's keytool: a PKCS12 key store for the
 * stub's HTTPS port, and a PKCS12 trust store holding only that certificate, which the function is
 * told to trust through the standard {@code javax.net.ssl.trustStore*} system properties (as an
 * operator does for a self-hosted endpoint with a private CA).
 */
public final class TestTls {

    public static final String PASSWORD = "changeit";
    private static final Path DIR = Path.of("target", "test-tls").toAbsolutePath();
    public static final Path KEY_STORE = DIR.resolve("stub-key.p12");
    public static final Path TRUST_STORE = DIR.resolve("stub-trust.p12");

    private TestTls() {
    }

    /** Creates the key store and the trust store (once per build). */
    public static synchronized void create() {
        if (Files.exists(TRUST_STORE)) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            Path cert = DIR.resolve("stub.cer");
            for (Path p : List.of(KEY_STORE, cert, TRUST_STORE)) {
                Files.deleteIfExists(p);
            }
            keytool("-genkeypair", "-alias", "stub", "-keyalg", "RSA", "-keysize", "2048", "-validity", "7",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-storetype", "PKCS12", "-keystore", KEY_STORE.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-alias", "stub", "-keystore", KEY_STORE.toString(), "-storepass", PASSWORD,
                    "-file", cert.toString());
            keytool("-importcert", "-noprompt", "-alias", "stub", "-file", cert.toString(), "-storetype", "PKCS12",
                    "-keystore", TRUST_STORE.toString(), "-storepass", PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the test certificate", e);
        }
    }

    /** The system properties that make a JVM (or the native executable) trust only the stub's certificate. */
    public static Map<String, String> trustProperties() {
        return Map.of("javax.net.ssl.trustStore", TRUST_STORE.toString(),
                "javax.net.ssl.trustStorePassword", PASSWORD,
                "javax.net.ssl.trustStoreType", "PKCS12");
    }

    /**
     * Makes HTTPS connections of this JVM trust only the stub's certificate, as the
     * {@link #trustProperties()} do in a JVM started with them; returns the factory it replaced.
     */
    public static SSLSocketFactory trustOnlyTheStub() {
        try (var in = Files.newInputStream(TRUST_STORE)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(in, PASSWORD.toCharArray());
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            SSLSocketFactory before = HttpsURLConnection.getDefaultSSLSocketFactory();
            HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
            return before;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test trust store", e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
