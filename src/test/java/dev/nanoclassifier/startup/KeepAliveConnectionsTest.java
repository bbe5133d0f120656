package dev.nanoclassifier.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How many idle connections per endpoint the JDK may keep: the batch concurrency, unless the user said. */
class KeepAliveConnectionsTest {

    private String before;

    @BeforeEach
    void clear() {
        before = System.clearProperty(KeepAliveConnections.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(KeepAliveConnections.PROPERTY);
        } else {
            System.setProperty(KeepAliveConnections.PROPERTY, before);
        }
    }

    @Test
    void keepsAsManyConnectionsAsABatchOpensAtOnce() {
        KeepAliveConnections.keepAtLeast(10);
        assertEquals("10", System.getProperty(KeepAliveConnections.PROPERTY));
    }

    @Test
    void neverFewerThanTheJdkDefault() {
        KeepAliveConnections.keepAtLeast(2);
        assertEquals("5", System.getProperty(KeepAliveConnections.PROPERTY));
    }

    @Test
    void aValueTheUserSetIsKept() {
        System.setProperty(KeepAliveConnections.PROPERTY, "3");
        KeepAliveConnections.keepAtLeast(10);
        assertEquals("3", System.getProperty(KeepAliveConnections.PROPERTY));
    }
}
