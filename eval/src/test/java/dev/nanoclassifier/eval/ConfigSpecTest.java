package dev.nanoclassifier.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Configuration parsing and the environment a packaged configuration's processes get. */
class ConfigSpecTest {

    @Test
    void parsesNameAndSettings() {
        ConfigSpec s = ConfigSpec.parse("nano:CLASSIFIER_MODEL=gpt-5.4-nano,CLASSIFIER_REASONING_EFFORT=low,OPENAI_API_KEY=");
        assertEquals("nano", s.name());
        assertEquals(Map.of("CLASSIFIER_MODEL", "gpt-5.4-nano", "CLASSIFIER_REASONING_EFFORT", "low", "OPENAI_API_KEY", ""), s.env());
        assertFalse(s.fakeModel());
        assertTrue(ConfigSpec.parse("fake").fakeModel());
        assertTrue(ConfigSpec.parse("other:OPENAI_BASE_URL=fake").fakeModel());
        assertFalse(ConfigSpec.parse("fake:OPENAI_BASE_URL=http://localhost:11434/v1").fakeModel());
        assertThrows(IllegalArgumentException.class, () -> ConfigSpec.parse("a b:X=1"));
        assertThrows(IllegalArgumentException.class, () -> ConfigSpec.parse("a:=1"));
    }

    @Test
    void urlConfigurations() {
        ConfigSpec plain = ConfigSpec.parseUrl("https://abc.execute-api.eu-west-1.amazonaws.com/", 0);
        assertEquals("url", plain.name());
        assertEquals("https://abc.execute-api.eu-west-1.amazonaws.com", plain.url());
        ConfigSpec named = ConfigSpec.parseUrl("prod=https://abc.example/prod?x=1", 1);
        assertEquals("prod", named.name());
        assertEquals("https://abc.example/prod?x=1", named.url());
        assertEquals("url2", ConfigSpec.parseUrl("http://localhost:8080", 1).name());
        assertThrows(IllegalArgumentException.class, () -> ConfigSpec.parseUrl("localhost:8080", 0));
    }

    @Test
    void secretsAreMaskedAndTheFingerprintFollowsTheSettings() {
        ConfigSpec s = ConfigSpec.parse("nano:OPENAI_API_KEY=sk-abc,CLASSIFIER_FALLBACKS_0__API_KEY=sk-def,CLASSIFIER_MODEL=m");
        assertEquals(Map.of("OPENAI_API_KEY", "***", "CLASSIFIER_FALLBACKS_0__API_KEY", "***", "CLASSIFIER_MODEL", "m"), s.maskedEnv());
        assertFalse(s.describe().contains("sk-"));
        assertFalse(s.fingerprint().contains("sk-"));
        assertEquals(s.fingerprint(), ConfigSpec.parse("nano:OPENAI_API_KEY=sk-abc,CLASSIFIER_FALLBACKS_0__API_KEY=sk-def,CLASSIFIER_MODEL=m").fingerprint());
        assertNotEquals(s.fingerprint(), ConfigSpec.parse("nano:OPENAI_API_KEY=sk-abc,CLASSIFIER_MODEL=m").fingerprint());
        assertEquals("", ConfigSpec.parse("local:OPENAI_API_KEY=").maskedEnv().get("OPENAI_API_KEY"));
    }

    @Test
    void processEnvironment() {
        Map<String, String> shell = Map.of("OPENAI_API_KEY", "sk-shell", "CLASSIFIER_MODEL", "from-shell", "HOME", "/root",
                "JAVA_TOOL_OPTIONS", "-Xmx1g");
        Map<String, String> nano = PackagedFunction.environment(ConfigSpec.parse("nano:CLASSIFIER_MODEL=gpt-5.4-nano"), shell);
        assertEquals("sk-shell", nano.get("OPENAI_API_KEY"), "the shell's key is passed on");
        assertEquals("gpt-5.4-nano", nano.get("CLASSIFIER_MODEL"), "the configuration wins over the shell");
        assertEquals("false", nano.get("CLASSIFIER_CACHE_ENABLED"), "every case is really answered");
        assertFalse(nano.containsKey("HOME") || nano.containsKey("JAVA_TOOL_OPTIONS"), "nothing else leaks in");

        Map<String, String> local = PackagedFunction.environment(ConfigSpec.parse("local:OPENAI_API_KEY="), shell);
        assertEquals("", local.get("OPENAI_API_KEY"));

        Map<String, String> noKey = PackagedFunction.environment(ConfigSpec.parse("nano:CLASSIFIER_MODEL=x"), Map.of());
        assertEquals("", noKey.get("OPENAI_API_KEY"), "no key of the user's own: none at all, never the benchmark's dummy key");

        Map<String, String> cached = PackagedFunction.environment(ConfigSpec.parse("c:CLASSIFIER_CACHE_ENABLED=true"), Map.of());
        assertEquals("true", cached.get("CLASSIFIER_CACHE_ENABLED"));

        Map<String, String> fake = PackagedFunction.environment(ConfigSpec.parse("fake"),
                Map.of("OPENAI_BASE_URL", "https://api.openai.com/v1", "OPENAI_API_KEY", "sk-real"));
        assertFalse(fake.containsKey("OPENAI_BASE_URL"), "the launcher points the function at the fake model");
        assertEquals("sk-eval-fake-model", fake.get("OPENAI_API_KEY"), "the real key never goes to the fake");
    }
}
