package dev.nanoclassifier.startup;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.nanoclassifier.config.ClassifierConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Lets the JDK keep as many idle connections per endpoint as an SQS batch opens at once
 * ({@code classifier.batch-concurrency}), so that the next batch reuses them instead of opening
 * (and TLS-handshaking) new ones. The model client and the AWS SDK's url-connection client share
 * the JDK's keep-alive cache, which keeps 5 per destination unless {@code http.maxConnections}
 * says otherwise and reads that property once, on the first connection it keeps: so this runs
 * first at start (priority 1), before the API key is fetched from Secrets Manager or SSM. A value
 * set on the command line ({@code JAVA_TOOL_OPTIONS=-Dhttp.maxConnections=N}) is left as it is.
 */
@Singleton
public class KeepAliveConnections {

    static final String PROPERTY = "http.maxConnections";
    /** The JDK's own default. */
    static final int JDK_DEFAULT = 5;

    void raise(@Observes @Priority(1) StartupEvent startup, ClassifierConfig config) {
        keepAtLeast(config.batchConcurrency());
    }

    /** Sets {@code http.maxConnections} to {@code concurrency} (at least the JDK's 5) unless it is set. */
    static void keepAtLeast(int concurrency) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(Math.max(JDK_DEFAULT, concurrency)));
        }
    }
}
