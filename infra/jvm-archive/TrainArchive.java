import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Training run for a class-data-sharing archive (AppCDS) or a JDK 25 AOT cache of the packaged
 * function, driven the way Lambda drives it: this program serves the Lambda Runtime API and an
 * OpenAI-compatible fake model on 127.0.0.1, starts the function with the command given after
 * {@code --}, hands it real-shaped events (direct classify and rank, API Gateway HTTP API v2, an
 * SQS batch of 10), then stops it with SIGTERM so that the JVM writes the archive at exit
 * ({@code -XX:ArchiveClassesAtExit} / {@code -XX:AOTCacheOutput} come from the caller, usually as
 * {@code --env JAVA_TOOL_OPTIONS=...}, which only the function gets). Exit status 0 only when every invocation was answered by the model
 * and the archive file exists afterwards.
 *
 * <pre>
 * java infra/jvm-archive/TrainArchive.java --archive PATH [--env K=V]... [--invocations N] [--exit-timeout S] -- COMMAND...
 * java infra/jvm-archive/TrainArchive.java --check [--env K=V]... [--invocations N] -- COMMAND...
 * </pre>
 *
 * {@code --check} only runs the invocations (for a run that uses an archive) and writes nothing.
 *
 * The function gets AWS_LAMBDA_RUNTIME_API, OPENAI_BASE_URL (the fake), OPENAI_API_KEY (a dummy),
 * AWS_REGION and the other variables Lambda sets, on top of this process's environment. JDK 17+,
 * no dependencies. Used by {@code infra/build-jvm-archive.sh}, locally and in the Lambda base image.
 */
public class TrainArchive {

    static final String CLASSIFY = "{\"input\":\"I was charged twice for my subscription this month (ref %d)\","
            + "\"labels\":[\"billing\",\"bug\",\"feature-request\",\"account\",\"other\"]}";
    static final String RANK = "{\"task\":\"rank\",\"query\":\"refund for a double charge (ref %d)\",\"candidates\":["
            + "\"Refunds are issued within 5 days\",{\"id\":\"b\",\"text\":\"Reset your password from the login page\"},"
            + "\"Invoices are sent monthly\"]}";

    record Invocation(String id, String body, CompletableFuture<String> result) {
    }

    public static void main(String[] args) throws Exception {
        int dash = Arrays.asList(args).indexOf("--");
        if (dash < 0 || dash == args.length - 1) {
            System.err.println("usage: TrainArchive (--archive PATH | --check) [--env K=V]... [--invocations N] [--exit-timeout S] -- COMMAND...");
            System.exit(2);
        }
        Path archive = null;
        boolean check = false;
        Map<String, String> extraEnv = new java.util.LinkedHashMap<>();
        int invocations = 20;
        long exitTimeoutS = 600;
        for (int i = 0; i < dash; i += 2) {
            switch (args[i]) {
                case "--archive" -> archive = Path.of(args[i + 1]);
                case "--check" -> {
                    check = true;
                    i--;
                }
                case "--env" -> extraEnv.put(args[i + 1].substring(0, args[i + 1].indexOf('=')),
                        args[i + 1].substring(args[i + 1].indexOf('=') + 1));
                case "--invocations" -> invocations = Integer.parseInt(args[i + 1]);
                case "--exit-timeout" -> exitTimeoutS = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> command = List.of(args).subList(dash + 1, args.length);
        if (archive == null && !check) {
            throw new IllegalArgumentException("--archive (or --check) is required");
        }
        if (archive != null) {
            Files.deleteIfExists(archive);
        }

        HttpServer model = server(TrainArchive::model);
        BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
        Map<String, Invocation> inflight = new ConcurrentHashMap<>();
        HttpServer api = server(exchange -> runtimeApi(exchange, pending, inflight));

        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = builder.environment();
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.getAddress().getPort());
        env.putIfAbsent("AWS_REGION", "us-east-1");
        env.putIfAbsent("AWS_DEFAULT_REGION", "us-east-1");
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_NAME", "nano-classifier-training");
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.putIfAbsent("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/nano-classifier-training");
        env.putIfAbsent("AWS_LAMBDA_LOG_STREAM_NAME", "training");
        env.putIfAbsent("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.putIfAbsent("_HANDLER", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("OPENAI_BASE_URL", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1");
        env.put("OPENAI_API_KEY", "sk-training-not-a-real-key");
        env.remove("OPENAI_API_KEY_SECRET_ARN");
        env.remove("OPENAI_API_KEY_PARAMETER");
        env.remove("CLASSIFIER_RESULT_QUEUE_URL");
        env.putAll(extraEnv);

        long start = System.nanoTime();
        Process function = builder.start();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        try {
            for (int i = 0; i < invocations; i++) {
                String body = switch (i % 4) {
                    case 0, 1 -> String.format(CLASSIFY, i);
                    case 2 -> String.format(RANK, i);
                    default -> httpApiV2("/classify", String.format(CLASSIFY, i));
                };
                check(invoke(pending, body, function), i % 4 == 3 ? "statusCode\":200" : null, failures);
                sent++;
            }
            check(invoke(pending, sqsBatch(10), function), "batchItemFailures\":[]", failures);
            sent++;
        } catch (Exception e) {
            failures.add(e.toString());
        }
        System.err.printf("training: %d invocations in %d ms, %d failed; stopping the function (SIGTERM)%n", sent,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), failures.size());
        function.destroy(); // SIGTERM: the JVM writes the archive while it exits
        if (!function.waitFor(exitTimeoutS, TimeUnit.SECONDS)) {
            function.destroyForcibly();
            failures.add("the function did not exit within " + exitTimeoutS + " s");
        }
        api.stop(0);
        model.stop(0);
        if (archive != null && (!Files.isRegularFile(archive) || Files.size(archive) == 0)) {
            failures.add("no archive at " + archive + " after the function exited");
        }
        failures.forEach(f -> System.err.println("training: FAILED " + f));
        if (failures.isEmpty() && archive != null) {
            System.err.printf("training: archive %s (%d MB)%n", archive, Files.size(archive) >> 20);
        }
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    static String invoke(BlockingQueue<Invocation> pending, String body, Process function) throws Exception {
        Invocation invocation = new Invocation("train-" + SEQ.incrementAndGet(), body, new CompletableFuture<>());
        pending.put(invocation);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                return invocation.result().get(1, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                if (!function.isAlive()) {
                    throw new IllegalStateException("the function exited with status " + function.exitValue());
                }
            }
        }
        throw new IllegalStateException("no response to " + invocation.id() + " within 180 s");
    }

    static void check(String response, String expected, List<String> failures) {
        boolean ok = !response.startsWith("ERROR ") && !response.contains("\"degraded\":true")
                && (expected == null ? response.contains("\"label\"") || response.contains("\"ranking\"")
                        : response.replace("\\\"", "\"").contains(expected));
        if (!ok) {
            failures.add("unexpected response: " + response.substring(0, Math.min(300, response.length())));
        }
    }

    static final AtomicInteger SEQ = new AtomicInteger();

    static void runtimeApi(HttpExchange exchange, BlockingQueue<Invocation> pending, Map<String, Invocation> inflight)
            throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.endsWith("/runtime/invocation/next")) {
            Invocation next;
            try {
                next = pending.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            inflight.put(next.id(), next);
            var headers = exchange.getResponseHeaders();
            headers.set("Lambda-Runtime-Aws-Request-Id", next.id());
            headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
            headers.set("Lambda-Runtime-Invoked-Function-Arn",
                    "arn:aws:lambda:us-east-1:123456789012:function:nano-classifier-training");
            headers.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
            headers.set("Content-Type", "application/json");
            send(exchange, 200, next.body());
            return;
        }
        Matcher m = Pattern.compile(".*/runtime/invocation/([^/]+)/(response|error)$").matcher(path);
        if (m.matches()) {
            Invocation done = inflight.remove(m.group(1));
            String text = new String(body, StandardCharsets.UTF_8);
            if (done != null) {
                done.result().complete(m.group(2).equals("error") ? "ERROR " + text : text);
            }
            send(exchange, 202, "{\"status\":\"OK\"}");
            return;
        }
        if (path.endsWith("/runtime/init/error")) {
            System.err.println("training: init error " + new String(body, StandardCharsets.UTF_8));
        }
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    /** A chat completion whose content fits the request's json_schema: the first enum value(s). */
    static void model(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
            send(exchange, 404, "{\"error\":{\"message\":\"not served here\"}}");
            return;
        }
        List<String> values = new ArrayList<>();
        Matcher enumeration = Pattern.compile("\"enum\"\\s*:\\s*\\[([^\\]]*)]").matcher(request);
        if (enumeration.find()) {
            Matcher value = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(enumeration.group(1));
            while (value.find()) {
                values.add(value.group(1));
            }
        }
        String first = values.isEmpty() ? "other" : values.get(0);
        Matcher property = Pattern.compile("\"properties\"\\s*:\\s*\\{\\s*\"(\\w+)\"").matcher(request);
        String name = property.find() ? property.group(1) : "label";
        String content = switch (name) {
            case "ranking" -> "{\"ranking\":[" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "]}";
            case "labels" -> "{\"labels\":[\"" + first + "\"]}";
            default -> "{\"" + name + "\":\"" + first + "\"}";
        };
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 200, "{\"id\":\"chatcmpl-training\",\"object\":\"chat.completion\",\"created\":1,"
                + "\"model\":\"gpt-5.4-nano\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + quote(content) + ",\"refusal\":null},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":5,\"total_tokens\":125}}");
    }

    static String httpApiV2(String path, String body) {
        return "{\"version\":\"2.0\",\"routeKey\":\"POST " + path + "\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\"\","
                + "\"headers\":{\"content-type\":\"application/json\"},\"requestContext\":{\"accountId\":\"123456789012\","
                + "\"apiId\":\"api-id\",\"domainName\":\"id.execute-api.us-east-1.amazonaws.com\",\"http\":{\"method\":\"POST\","
                + "\"path\":\"" + path + "\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"training\"},"
                + "\"requestId\":\"id\",\"routeKey\":\"POST " + path + "\",\"stage\":\"$default\",\"time\":\"01/Dec/2026:00:00:00 +0000\","
                + "\"timeEpoch\":1796083200000},\"body\":" + quote(body) + ",\"isBase64Encoded\":false}";
    }

    static String sqsBatch(int records) {
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < records; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"messageId\":\"m-").append(i).append("\",\"receiptHandle\":\"r-").append(i)
                    .append("\",\"body\":").append(quote(String.format(i % 3 == 2 ? RANK : CLASSIFY, 1000 + i)))
                    .append(",\"attributes\":{\"ApproximateReceiveCount\":\"1\",\"SentTimestamp\":\"1796083200000\"},")
                    .append("\"messageAttributes\":{},\"md5OfBody\":\"-\",\"eventSource\":\"aws:sqs\",")
                    .append("\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012:input\",\"awsRegion\":\"us-east-1\"}");
        }
        return sb.append("]}").toString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "training-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", handler);
        server.start();
        return server;
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
