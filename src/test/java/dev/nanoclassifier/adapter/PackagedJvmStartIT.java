package dev.nanoclassifier.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The packaged JVM build ({@code target/nano-classifier-runner.jar}), started the way Lambda's Java
 * runtime starts it (the runtime interface client as main class, the handler by name), must not load
 * an AWS SDK service client it has no setting for: with no results queue and the API key given
 * directly, no class of {@code software.amazon.awssdk.services.sqs}, {@code .secretsmanager} or
 * {@code .ssm} is loaded, before or during the first invocation ({@code -Xlog:class+load}). With a
 * results queue configured, the SQS client is built at init. Runs after {@code package} (failsafe);
 * the Runtime API and the model are served from this JVM on 127.0.0.1.
 */
class PackagedJvmStartIT {

    private static final Path RUNNER = Path.of("target/nano-classifier-runner.jar");
    private static final Pattern SERVICE_CLIENT_CLASS = Pattern.compile(
            "\\] (software\\.amazon\\.awssdk\\.services\\.(sqs|secretsmanager|ssm)\\.\\S+) source:");
    private static final String CLASSIFY = "{\"input\":\"I was charged twice for my subscription\","
            + "\"labels\":[\"billing\",\"bug\",\"other\"]}";

    private final List<HttpServer> servers = new ArrayList<>();
    private final AtomicInteger modelCalls = new AtomicInteger();
    private Process function;

    @AfterEach
    void stop() throws InterruptedException {
        if (function != null && function.isAlive()) {
            function.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void withoutQueueOrSecretNoAwsServiceClientClassIsLoaded() throws Exception {
        // Arrange
        assumeTrue(Files.isRegularFile(RUNNER), "no JVM runner jar (native build)");

        // Act
        Run run = start("no-queue", Map.of(), true);

        // Assert
        assertTrue(run.response().contains("\"label\":\"billing\""), run.response());
        assertFalse(run.response().contains("\"degraded\":true"), run.response());
        assertEquals(1, modelCalls.get(), "the model answered the invocation");
        assertTrue(run.classesLoaded() > 3000, "class log read: " + run.classesLoaded() + " classes");
        assertEquals(List.of(), run.serviceClientClasses());
    }

    @Test
    void withAResultsQueueTheSqsClientIsBuiltAtInit() throws Exception {
        // Arrange
        assumeTrue(Files.isRegularFile(RUNNER), "no JVM runner jar (native build)");

        // Act: stopped at its first /next, so everything in the class log was loaded by init.
        Run run = start("queue", Map.of(
                "CLASSIFIER_RESULT_QUEUE_URL", "http://127.0.0.1:9/000000000000/results",
                "AWS_ACCESS_KEY_ID", "test-key", "AWS_SECRET_ACCESS_KEY", "test-secret"), false);

        // Assert
        assertTrue(run.serviceClientClasses().contains("software.amazon.awssdk.services.sqs.SqsClient"),
                "SQS client classes loaded by init: " + run.serviceClientClasses());
        assertTrue(run.serviceClientClasses().stream().noneMatch(name -> name.contains(".secretsmanager.")
                || name.contains(".ssm.")), run.serviceClientClasses().toString());
        assertEquals(0, modelCalls.get());
    }

    private record Run(String response, long classesLoaded, List<String> serviceClientClasses) {
    }

    /** Starts the packaged function; with {@code invoke}, hands it one classify event, else stops it at its first /next. */
    private Run start(String name, Map<String, String> extraEnv, boolean invoke) throws Exception {
        HttpServer model = server(this::model);
        CompletableFuture<Boolean> firstNext = new CompletableFuture<>();
        CompletableFuture<String> response = new CompletableFuture<>();
        AtomicInteger nextCalls = new AtomicInteger();
        HttpServer api = server(exchange -> runtimeApi(exchange, nextCalls, invoke, firstNext, response));

        Path work = Files.createDirectories(Path.of("target/packaged-start"));
        Path classLog = work.resolve(name + "-class-load.log");
        Files.deleteIfExists(classLog);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:MaxRAM=1024m", "-Xmx512m",
                "-Xlog:class+load=info:file=" + classLog.toAbsolutePath() + ":uptimenanos"));
        if (Runtime.version().feature() >= 24) {
            command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        }
        command.add("-D" + RIC_JNI_PROPERTY + "=" + ricJniLibrary(work));
        command.addAll(List.of("-cp", RUNNER.toAbsolutePath() + File.pathSeparator + runtimeInterfaceClientJars(),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.getAddress().getPort());
        env.put("_HANDLER", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "packaged-start");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("OPENAI_API_KEY", "sk-test-not-a-real-key");
        env.put("OPENAI_BASE_URL", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1");
        env.putAll(extraEnv);

        function = builder.start();
        awaitWhileAlive(firstNext, name);
        String body = invoke ? awaitWhileAlive(response, name) : null;
        function.destroy();
        assertTrue(function.waitFor(60, TimeUnit.SECONDS), "the function stops on SIGTERM");

        List<String> lines = Files.readAllLines(classLog);
        List<String> serviceClientClasses = new ArrayList<>();
        for (String line : lines) {
            var matcher = SERVICE_CLIENT_CLASS.matcher(line);
            if (matcher.find()) {
                serviceClientClasses.add(matcher.group(1));
            }
        }
        return new Run(body, lines.stream().filter(line -> line.contains(" source: ")).count(), serviceClientClasses);
    }

    private <T> T awaitWhileAlive(CompletableFuture<T> result, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            try {
                return result.get(200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                assertTrue(function.isAlive() || result.isDone(),
                        "the function exited with " + (function.isAlive() ? "-" : function.exitValue())
                                + ", see target/packaged-start/" + name + ".log");
            }
        }
        throw new AssertionError("no answer within 240 s, see target/packaged-start/" + name + ".log");
    }

    private static final String RIC_JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /**
     * The RIC's JNI library, unpacked once into {@code work}. Left to itself the RIC copies it to the
     * fixed path /tmp/.libaws-lambda-jni.so at every start, and a second RIC starting on the same
     * machine at that moment (another build, a benchmark) can load a half-written file and crash.
     */
    private static synchronized String ricJniLibrary(Path work) throws IOException {
        Path library = work.resolve("libaws-lambda-jni.so").toAbsolutePath();
        if (!Files.isRegularFile(library)) {
            String arch = System.getProperty("os.arch").matches("aarch64|arm64") ? "aarch_64" : "x86_64";
            try (var in = PackagedJvmStartIT.class.getResourceAsStream("/jni/libaws-lambda-jni.linux-" + arch + ".so")) {
                assertTrue(in != null, "the RIC jar holds its JNI library for " + arch);
                Path partial = Files.createTempFile(work, "libaws-lambda-jni", ".part");
                Files.copy(in, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return library.toString();
    }

    /** The RIC and its runtime dependencies, from this test's class path (test-scoped dependency). */
    private static String runtimeInterfaceClientJars() {
        List<String> jars = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Stream.of("aws-lambda-java-runtime-interface-client", "aws-lambda-java-serialization",
                        "aws-lambda-java-core").anyMatch(entry::contains))
                .collect(Collectors.toList());
        assertTrue(jars.stream().anyMatch(jar -> jar.contains("runtime-interface-client")), "RIC on the test class path");
        return String.join(File.pathSeparator, jars);
    }

    private void runtimeApi(HttpExchange exchange, AtomicInteger nextCalls, boolean invoke,
            CompletableFuture<Boolean> firstNext, CompletableFuture<String> response) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.endsWith("/invocation/next")) {
            firstNext.complete(true);
            if (nextCalls.incrementAndGet() > 1 || !invoke) {
                return; // never answered: the test stops the function
            }
            exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", "packaged-1");
            exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
            exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                    "arn:aws:lambda:us-east-1:123456789012:function:packaged-start");
            // The RIC's native client expects every header Lambda sends.
            exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
                    "Root=1-00000000-000000000000000000000000;Sampled=0");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            send(exchange, 200, CLASSIFY);
        } else if (path.endsWith("/response") || path.endsWith("/error")) {
            String text = new String(body, StandardCharsets.UTF_8);
            response.complete(path.endsWith("/error") ? "error: " + text : text);
            send(exchange, 202, "{}");
        } else {
            response.complete("unexpected Runtime API call " + path + ": " + new String(body, StandardCharsets.UTF_8));
            send(exchange, 202, "{}");
        }
    }

    private void model(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        modelCalls.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-5.4-nano\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"label\\\":\\\"billing\\\"}\","
                + "\"refusal\":null},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":5,\"total_tokens\":55}}");
    }

    private HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", handler);
        server.start();
        servers.add(server);
        return server;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
