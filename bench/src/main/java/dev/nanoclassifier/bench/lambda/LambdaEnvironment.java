package dev.nanoclassifier.bench.lambda;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a function process gets: what Lambda sets for every runtime, plus the
 * application's settings pointed at loopback. Nothing of the caller's environment leaks in except
 * {@code PATH} (so that no {@code JAVA_TOOL_OPTIONS} or similar changes a measurement).
 */
public final class LambdaEnvironment {

    public static final String FUNCTION_NAME = "nano-classifier-bench";
    public static final String MODEL = "gpt-5.4-nano";
    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private LambdaEnvironment() {
    }

    /**
     * @param runtimeApi   {@code host:port} of the Runtime API
     * @param modelBaseUrl OpenAI-compatible base URL ({@code http://127.0.0.1:<port>/v1}), or null to leave it unset
     * @param awsEndpoint  where AWS SDK calls go ({@code AWS_ENDPOINT_URL}), or null
     * @param taskRoot     {@code LAMBDA_TASK_ROOT}
     */
    public static Map<String, String> base(String runtimeApi, String modelBaseUrl, String awsEndpoint, Path taskRoot, int memoryMb) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", FUNCTION_NAME);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + FUNCTION_NAME);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]bench");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("_HANDLER", HANDLER);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("OPENAI_API_KEY", "sk-bench-not-a-real-key");
        if (modelBaseUrl != null) env.put("OPENAI_BASE_URL", modelBaseUrl);
        env.put("CLASSIFIER_MODEL", MODEL);
        // Keep any AWS SDK traffic on loopback: no instance-metadata lookups, endpoints at the fake.
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        if (awsEndpoint != null) env.put("AWS_ENDPOINT_URL", awsEndpoint);
        return env;
    }
}
