package dev.nanoclassifier.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application set-ups the tests run against; each profile is one start of the function. */
public final class Profiles {

    private Profiles() {
    }

    /** A primary model and one fallback model at the stub; no cache, a breaker that never trips. */
    public static class Stubbed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return with(Map.of());
        }

        /** This profile's settings plus {@code more}. */
        protected static Map<String, String> with(Map<String, String> more) {
            Map<String, String> config = new java.util.HashMap<>(Map.of("classifier.cache.enabled", "false",
                    "classifier.circuit-breaker.request-volume", "100000"));
            config.putAll(more);
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStub.class));
        }
    }

    /** No API key anywhere: what a new user gets on a fresh machine. */
    public static class NoKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("classifier.cache.enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStub.class, Map.of("key", "false", "fallback", "false")));
        }
    }

    /**
     * As {@link Stubbed}, with an invocation deadline of 3 s (the test event server sends none). The
     * margin kept for the response is 300 ms instead of 150 ms: here the function shares two cores
     * with WireMock, the event server and the test, and a timer firing late under that load ate the
     * whole default margin once.
     */
    public static class ThreeSecondDeadline extends Stubbed {
        @Override
        public Map<String, String> getConfigOverrides() {
            return with(Map.of("classifier.timeouts.assumed-deadline", "3s",
                    "classifier.timeouts.deadline-margin", "300ms"));
        }
    }

    /** As {@link Stubbed}, for tests that make the primary endpoint refuse the key (which blocks it a while). */
    public static class RefusedKey extends Stubbed {
        @Override
        public Map<String, String> getConfigOverrides() {
            return with(Map.of("classifier.circuit-breaker.delay", "60s"));
        }
    }

    /**
     * As {@link Stubbed}, with what users set for other providers: the fallback endpoint speaks
     * Ollama's dialect ({@code max_tokens}, {@code reasoning_effort: minimal}), the primary model has
     * a flex-tier price.
     */
    public static class Providers extends Stubbed {
        public static final String FLEX_INPUT = "0.10";
        public static final String FLEX_CACHED_INPUT = "0.01";
        public static final String FLEX_OUTPUT = "0.625";

        @Override
        public Map<String, String> getConfigOverrides() {
            return with(Map.of("classifier.fallbacks[0].reasoning-effort", "minimal",
                    "classifier.fallbacks[0].output-limit-field", "max_tokens",
                    "classifier.prices.\"gpt-5.4-nano\".tiers.flex.input", FLEX_INPUT,
                    "classifier.prices.\"gpt-5.4-nano\".tiers.flex.cached-input", FLEX_CACHED_INPUT,
                    "classifier.prices.\"gpt-5.4-nano\".tiers.flex.output", FLEX_OUTPUT));
        }
    }

    /** As {@link Stubbed}, with the label limit raised past what OpenAI's strict mode accepts, as an operator might. */
    public static class ManyLabels extends Stubbed {
        @Override
        public Map<String, String> getConfigOverrides() {
            return with(Map.of("classifier.limits.max-labels", "600"));
        }
    }

    /** As {@link Stubbed}, for tests that make the primary endpoint's account run out of quota (which blocks it a while). */
    public static class QuotaExceeded extends Stubbed {
        @Override
        public Map<String, String> getConfigOverrides() {
            return with(Map.of("classifier.circuit-breaker.delay", "60s"));
        }
    }

    /** Only the primary model; a breaker that opens after 4 calls with half failed; no retries. */
    public static class Breaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("classifier.cache.enabled", "false",
                    "classifier.circuit-breaker.request-volume", "4",
                    "classifier.circuit-breaker.failure-ratio", "0.5",
                    "classifier.circuit-breaker.delay", "60s",
                    "classifier.retry.max-retries", "0");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStub.class, Map.of("fallback", "false")));
        }
    }

    /** As {@link Stubbed}, with a real SQS-compatible server holding the results queue. */
    public static class ResultsQueue extends Stubbed {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStub.class), new TestResourceEntry(ElasticMq.class));
        }
    }

    /**
     * How an operator runs it: the key only in (fake) Secrets Manager, the answer cache on, a
     * tight reject budget for the request text, and Quarkus logs also written to a file the tests read.
     */
    public static class Operated implements QuarkusTestProfile {
        /**
         * The file @QuarkusIntegrationTest's launcher also names (and watches for the started line) when
         * it runs the packaged artifact: another path here would hide the start from it.
         */
        public static final String LOG_FILE = "target/quarkus.log";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("classifier.cache.enabled", "true",
                    "classifier.budget.policy", "reject",
                    "classifier.budget.input-tokens", "50",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG_FILE);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStub.class, Map.of("key", "secretsmanager", "fallback", "false")));
        }
    }

    /** The primary key only in a (fake) SSM SecureString parameter; no fallback model, no cache. */
    public static class ParameterStoreKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("classifier.cache.enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStub.class, Map.of("key", "ssm", "fallback", "false")));
        }
    }

    /** As {@link Stubbed}, but the model endpoints are HTTPS only, with a certificate trusted through javax.net.ssl.trustStore. */
    public static class Tls extends Stubbed {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStub.class, Map.of("tls", "true")));
        }
    }
}
