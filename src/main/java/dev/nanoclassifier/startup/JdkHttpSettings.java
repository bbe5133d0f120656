package dev.nanoclassifier.startup;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.nanoclassifier.config.ClassifierConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Two settings of the JDK's HTTP client ({@code HttpURLConnection}), which the model client and the
 * AWS SDK's url-connection client share. The JDK reads each once, on first use, so this runs first
 * at start (priority 1), before the API key is fetched from Secrets Manager or SSM. A value given on
 * the command line ({@code JAVA_TOOL_OPTIONS=-D...}) is left as it is.
 * <ul>
 * <li>{@code http.maxConnections}: idle connections kept per endpoint, 5 by default; raised to
 * {@code classifier.batch-concurrency} so that the next SQS batch reuses the connections the last
 * one opened instead of opening (and TLS-handshaking) new ones.
 * <li>{@code sun.net.http.retryPost=false}: otherwise the JDK sends a POST a second time, unseen,
 * when a kept-alive connection fails before the answer. The retry layer of {@code ModelEndpoint} is
 * the only one: it counts the try, applies the SDK rules and the deadline, and never sends a
 * request twice without saying so in {@code attempts}. The native image reads this one at build
 * time: it is also given to the image builder ({@code quarkus.native.additional-build-args}).
 * </ul>
 * In Quarkus' test and dev modes, the extension's own Lambda poll loop (which in JVM mode on AWS is
 * the runtime's RIC, without {@code HttpURLConnection}) may use the JDK client first, on its own
 * thread, so the tests set {@code sun.net.http.retryPost} on their JVM (pom.xml, surefire).
 */
@Singleton
public class JdkHttpSettings {

    static final String MAX_CONNECTIONS = "http.maxConnections";
    static final String RETRY_POST = "sun.net.http.retryPost";
    /** The JDK's own default of {@code http.maxConnections}. */
    static final int JDK_DEFAULT_CONNECTIONS = 5;

    void apply(@Observes @Priority(1) StartupEvent startup, ClassifierConfig config) {
        apply(config.batchConcurrency());
    }

    /** Sets both properties where they are not set: connections kept for {@code concurrency} calls, no hidden resend. */
    static void apply(int concurrency) {
        setIfAbsent(MAX_CONNECTIONS, Integer.toString(Math.max(JDK_DEFAULT_CONNECTIONS, concurrency)));
        setIfAbsent(RETRY_POST, "false");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
