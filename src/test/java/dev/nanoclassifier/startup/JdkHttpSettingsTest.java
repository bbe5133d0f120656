package dev.nanoclassifier.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDK HTTP settings: a batch's worth of kept connections and no hidden POST resend, unless the user said. */
class JdkHttpSettingsTest {

    private static final List<String> NAMES = List.of(JdkHttpSettings.MAX_CONNECTIONS, JdkHttpSettings.RETRY_POST);
    private final Map<String, String> before = new HashMap<>();

    @BeforeEach
    void clear() {
        NAMES.forEach(name -> before.put(name, System.clearProperty(name)));
    }

    @AfterEach
    void restore() {
        before.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void keepsAsManyConnectionsAsABatchOpensAtOnceAndNeverResendsAPost() {
        JdkHttpSettings.apply(10);

        assertEquals("10", System.getProperty(JdkHttpSettings.MAX_CONNECTIONS));
        assertEquals("false", System.getProperty(JdkHttpSettings.RETRY_POST));
    }

    @Test
    void neverFewerConnectionsThanTheJdkDefault() {
        JdkHttpSettings.apply(2);

        assertEquals("5", System.getProperty(JdkHttpSettings.MAX_CONNECTIONS));
    }

    @Test
    void valuesTheUserSetAreKept() {
        System.setProperty(JdkHttpSettings.MAX_CONNECTIONS, "3");
        System.setProperty(JdkHttpSettings.RETRY_POST, "true");

        JdkHttpSettings.apply(10);

        assertEquals("3", System.getProperty(JdkHttpSettings.MAX_CONNECTIONS));
        assertEquals("true", System.getProperty(JdkHttpSettings.RETRY_POST));
    }
}
