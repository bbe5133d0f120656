package dev.nanoclassifier.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An OpenAI-compatible server on 127.0.0.1 (WireMock): the primary endpoint under {@code /v1}
 * and, unless the init arg {@code fallback=false}, a fallback model {@code gpt-5.4-mini} under
 * {@code /fallback/v1} with its own key. With init arg {@code key=secretsmanager} (or {@code key=ssm}) the
 * primary key is only in a fake AWS Secrets Manager secret (or SSM SecureString parameter) served by the
 * same server. With init arg {@code tls=true} the server only speaks HTTPS, with a certificate from
 * {@link TestTls} that the function trusts through the {@code javax.net.ssl.trustStore*} system
 * properties. Tests stub and verify {@code POST .../chat/completions}.
 */
public class OpenAiStub implements QuarkusTestResourceLifecycleManager {

    public static final String PRIMARY_KEY = "sk-test-primary-7f3a9c";
    public static final String FALLBACK_KEY = "sk-test-fallback-51b2d0";
    public static final String PRIMARY_PATH = "/v1/chat/completions";
    public static final String FALLBACK_PATH = "/fallback/v1/chat/completions";
    public static final String FALLBACK_MODEL = "gpt-5.4-mini";
    public static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:nano-classifier/openai-AbCdEf";
    public static final String SECRET_KEY = "sk-test-from-secret-9d8e2f";
    public static final String PARAMETER_NAME = "/nano-classifier/openai-api-key";
    public static final String PARAMETER_KEY = "sk-test-from-ssm-3b7c1a";

    private WireMockServer server;
    private boolean withFallback = true;
    private boolean withKey = true;
    private boolean keyInSecretsManager;
    private boolean keyInParameterStore;
    private boolean tls;
    /** The JVM's HTTPS default before a TLS stub replaced it; put back on stop. */
    private SSLSocketFactory jvmDefaultTls;

    @Override
    public void init(Map<String, String> initArgs) {
        withFallback = !"false".equals(initArgs.get("fallback"));
        withKey = !"false".equals(initArgs.get("key"));
        keyInSecretsManager = "secretsmanager".equals(initArgs.get("key"));
        keyInParameterStore = "ssm".equals(initArgs.get("key"));
        tls = "true".equals(initArgs.get("tls"));
    }

    @Override
    public Map<String, String> start() {
        var options = options().bindAddress("127.0.0.1").dynamicPort().asynchronousResponseEnabled(true).containerThreads(40);
        if (tls) {
            TestTls.create();
            options.httpDisabled(true).dynamicHttpsPort().keystoreType("PKCS12").keystorePath(TestTls.KEY_STORE.toString())
                    .keystorePassword(TestTls.PASSWORD).keyManagerPassword(TestTls.PASSWORD);
        }
        server = new WireMockServer(options);
        server.start();
        Map<String, String> config = new HashMap<>();
        String base = tls ? "https://127.0.0.1:" + server.httpsPort() : "http://127.0.0.1:" + server.port();
        if (tls) {
            // Passed on as -D system properties to the process an @QuarkusIntegrationTest launches, which
            // reads them when it first opens an HTTPS connection, as a function on Lambda does. A
            // @QuarkusTest shares this JVM, whose default TLS context an earlier test may have built
            // already: the stub installs the same trust store as this JVM's HTTPS default instead.
            TestTls.trustProperties().forEach(System::setProperty);
            config.putAll(TestTls.trustProperties());
            jvmDefaultTls = TestTls.trustOnlyTheStub();
        }
        config.put("classifier.openai.base-url", base + "/v1");
        config.put("classifier.openai.api-key", withKey && !keyInSecretsManager && !keyInParameterStore ? PRIMARY_KEY : "");
        if (keyInSecretsManager) {
            FakeAwsSecrets.stubSecret(server, SECRET_ARN, "{\"OPENAI_API_KEY\":\"" + SECRET_KEY + "\"}");
            config.put("classifier.openai.api-key-secret-arn", SECRET_ARN);
        }
        if (keyInParameterStore) {
            FakeAwsSecrets.stubParameter(server, PARAMETER_NAME, PARAMETER_KEY);
            config.put("classifier.openai.api-key-parameter", PARAMETER_NAME);
        }
        if (keyInSecretsManager || keyInParameterStore) {
            config.put("classifier.openai.aws-endpoint-override", base);
            // Set here for @QuarkusTest (same JVM) and passed on as -D system properties to the
            // process an @QuarkusIntegrationTest launches (the native executable reads them the same way).
            FakeAwsSecrets.useTestCredentials();
            config.putAll(FakeAwsSecrets.TEST_CREDENTIALS);
        }
        if (withFallback) {
            config.put("classifier.fallbacks[0].model", FALLBACK_MODEL);
            config.put("classifier.fallbacks[0].base-url", base + "/fallback/v1");
            config.put("classifier.fallbacks[0].api-key", FALLBACK_KEY);
        }
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        if (tls) {
            TestTls.trustProperties().keySet().forEach(System::clearProperty);
            HttpsURLConnection.setDefaultSSLSocketFactory(jvmDefaultTls);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectOpenAiStub.class,
                WireMockServer.class));
    }
}
