/*
 * Cold-start / warm benchmark for the nano-classifier Lambda function, measured the way AWS Lambda does.
 *
 * Single-file, JDK-only program (runs with `java bench/Bench.java ...` on JDK 17+). It
 *   - implements the Lambda Runtime API (2018-06-01) on 127.0.0.1,
 *   - serves a fake OpenAI-compatible /v1/chat/completions model with a configurable latency,
 *   - starts the packaged function as a fresh process per cold start (the AWS Runtime Interface Client
 *     in front of io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler, like Lambda's Java runtime),
 *   - measures init duration, first invocation, warm overhead, an SQS batch of 10, and peak RSS,
 *   - compares plain JVM, AppCDS, the JDK 25 AOT cache and the native binary (when present).
 *
 * See bench/README.md. Options: --help.
 */

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

public class Bench {

    // ------------------------------------------------------------------------------------------------
    // Configuration
    // ------------------------------------------------------------------------------------------------

    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String FUNCTION_NAME = "nano-classifier-bench";
    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION_NAME;
    static final String MODEL = "gpt-5.4-nano";

    static final String CLASSIFY_INPUT = "I was charged twice for my subscription this month";
    static final List<String> CLASSIFY_LABELS = List.of("billing", "bug", "feature-request", "account", "other");

    // Targets from the project brief (ms / MB).
    static final double T_INIT_PLAIN = 900, T_INIT_AOT = 350;
    static final double T_COLD_PLAIN = 1200, T_COLD_AOT = 600;
    /** The memory size of the emulated Lambda function. */
    static final int LAMBDA_MEMORY_MB = 1024;
    static final double T_WARM_P50 = 2, T_WARM_P99 = 10;
    static final double T_BATCH = 450;
    static final double T_RSS = 180;

    static final class Config {
        int cold = 5;                 // cold starts per variant
        int warm = 1000;              // warm invocations (model latency 0); fewer mostly measure JIT warm-up
        int batchLatencyMs = 300;     // model latency for the SQS batch
        int batchRuns = 5;            // SQS batch invocations measured
        int batchSize = 10;
        int warmLatencyMs = 50;       // optional extra warm run with this model latency (0 = off)
        int warmLatencyCount = 50;
        int trainInvocations = 30;    // invocations during an AppCDS / AOT training run
        int initTimeoutS = 120;
        int invokeTimeoutS = 30;
        int trainExitTimeoutS = 300;  // AOT cache assembly happens at exit and can take a while
        boolean uniqueInputs = true;  // make every request body unique so a response cache cannot hide the model call
        boolean classLoadCheck = true;
        String xmx = "512m";
        String extraJvmOpts = "";
        List<String> variants = List.of("jvm", "appcds", "aot", "native");
        Path project;
        Path out;
        Path workDir;
        Path benchLib;
        Path jar;
        Map<String, String> extraEnv = new LinkedHashMap<>();
    }

    static final String USAGE = String.join("\n",
            "Usage: java bench/Bench.java [options]   (each option may also be given as -Dbench.<name>=<value>)",
            "  --cold N               cold starts per variant (default 5)",
            "  --warm M               warm invocations per variant, model latency 0 (default 1000)",
            "  --batch-latency MS     model latency during the SQS batch of 10 (default 300)",
            "  --batch-runs N         SQS batch invocations measured (default 5)",
            "  --warm-latency MS      extra warm run with this model latency, 0 = off (default 50)",
            "  --warm-latency-count N invocations in that extra run (default 50)",
            "  --train-invocations N  invocations in an AppCDS/AOT training run (default 30)",
            "  --variants LIST        comma list of jvm,appcds,aot,native (default all; unavailable ones are skipped)",
            "  --out PATH             JSON result file (default bench/results/latest.json)",
            "  --project DIR          project dir holding target/ (default: current dir)",
            "  --jar PATH             runner jar (default <project>/target/nano-classifier-runner.jar)",
            "  --bench-lib DIR        Runtime Interface Client jars (default <project>/target/bench-lib)",
            "  --work-dir DIR         logs and archives (default <project>/target/bench)",
            "  --xmx SIZE             function heap, -Xmx (default 512m)",
            "  --jvm-opts \"...\"       extra JVM options for the function",
            "  --env K=V              extra environment variable for the function (repeatable)",
            "  --same-input           send the identical request body every time (default: unique suffix)",
            "  --no-classload-check   skip the extra -Xlog:class+load run that counts archived classes",
            "  --init-timeout S, --invoke-timeout S, --train-exit-timeout S");

    static Config parseConfig(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> envs = new ArrayList<>();
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith("bench.")) opts.put(k.substring(6), System.getProperty(k));
        }
        Set<String> flags = Set.of("same-input", "no-classload-check", "help");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + a + "\n" + USAGE);
            String k = a.substring(2), v;
            int eq = k.indexOf('=');
            if (eq >= 0) { v = k.substring(eq + 1); k = k.substring(0, eq); }
            else if (flags.contains(k)) v = "true";
            else if (i + 1 < args.length) v = args[++i];
            else throw new IllegalArgumentException("missing value for --" + k);
            if (k.equals("env")) envs.add(v); else opts.put(k, v);
        }
        if (opts.containsKey("help")) { System.out.println(USAGE); System.exit(0); }
        Config c = new Config();
        c.project = Paths.get(opts.getOrDefault("project", ".")).toAbsolutePath().normalize();
        for (Map.Entry<String, String> e : opts.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "cold": c.cold = Integer.parseInt(v); break;
                case "warm": c.warm = Integer.parseInt(v); break;
                case "batch-latency": c.batchLatencyMs = Integer.parseInt(v); break;
                case "batch-runs": c.batchRuns = Integer.parseInt(v); break;
                case "batch-size": c.batchSize = Integer.parseInt(v); break;
                case "warm-latency": c.warmLatencyMs = Integer.parseInt(v); break;
                case "warm-latency-count": c.warmLatencyCount = Integer.parseInt(v); break;
                case "train-invocations": c.trainInvocations = Integer.parseInt(v); break;
                case "init-timeout": c.initTimeoutS = Integer.parseInt(v); break;
                case "invoke-timeout": c.invokeTimeoutS = Integer.parseInt(v); break;
                case "train-exit-timeout": c.trainExitTimeoutS = Integer.parseInt(v); break;
                case "variants": c.variants = List.of(v.toLowerCase(Locale.ROOT).split("\\s*,\\s*")); break;
                case "out": c.out = Paths.get(v); break;
                case "jar": c.jar = Paths.get(v); break;
                case "bench-lib": c.benchLib = Paths.get(v); break;
                case "work-dir": c.workDir = Paths.get(v); break;
                case "xmx": c.xmx = v; break;
                case "jvm-opts": c.extraJvmOpts = v; break;
                case "same-input": c.uniqueInputs = !Boolean.parseBoolean(v); break;
                case "no-classload-check": c.classLoadCheck = !Boolean.parseBoolean(v); break;
                case "project": break;
                default: throw new IllegalArgumentException("unknown option --" + e.getKey() + "\n" + USAGE);
            }
        }
        for (String kv : envs) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--env expects K=V: " + kv);
            c.extraEnv.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        if (c.out == null) c.out = Paths.get("bench", "results", "latest.json");
        c.out = c.out.toAbsolutePath().normalize();
        if (c.jar == null) c.jar = c.project.resolve("target/nano-classifier-runner.jar");
        if (c.benchLib == null) c.benchLib = c.project.resolve("target/bench-lib");
        if (c.workDir == null) c.workDir = c.project.resolve("target/bench");
        c.jar = c.jar.toAbsolutePath().normalize();
        c.benchLib = c.benchLib.toAbsolutePath().normalize();
        c.workDir = c.workDir.toAbsolutePath().normalize();
        if (c.cold < 1) throw new IllegalArgumentException("--cold must be >= 1");
        return c;
    }

    // ------------------------------------------------------------------------------------------------
    // Lambda Runtime API (fake control plane)
    // ------------------------------------------------------------------------------------------------

    static final class Event {
        final String id = UUID.randomUUID().toString();
        final byte[] body;
        volatile long handedOutNs;
        final java.util.concurrent.CompletableFuture<Result> done = new java.util.concurrent.CompletableFuture<>();
        Event(String body) { this.body = body.getBytes(StandardCharsets.UTF_8); }
    }

    static final class Result {
        final boolean error; final String errorType; final String body; final long receivedNs;
        Result(boolean error, String errorType, String body, long receivedNs) {
            this.error = error; this.errorType = errorType; this.body = body; this.receivedNs = receivedNs;
        }
    }

    /** One function process: its own event queue, so a poller left over from a killed process can never steal events. */
    static final class Session {
        final String name;
        final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        final AtomicLong firstNextNs = new AtomicLong();
        final CountDownLatch firstNext = new CountDownLatch(1);
        final AtomicInteger nextRequests = new AtomicInteger();
        volatile String initError;
        final AtomicInteger initErrorsAfterInit = new AtomicInteger();
        volatile String lateInitError;
        volatile boolean closed;
        Session(String name) { this.name = name; }
    }

    static final class Invocation {
        final Event event; final Result result; final double ms;
        Invocation(Event e, Result r) {
            this.event = e; this.result = r; this.ms = (r.receivedNs - e.handedOutNs) / 1e6;
        }
    }

    static final class RuntimeApi {
        final HttpServer server;
        final Map<String, Event> inflight = new ConcurrentHashMap<>();
        volatile Session current;
        final AtomicInteger unknownRequests = new AtomicInteger();

        RuntimeApi() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setExecutor(Executors.newCachedThreadPool(daemon("runtime-api")));
            server.createContext("/", this::handle);
            server.start();
        }

        int port() { return server.getAddress().getPort(); }

        Session newSession(String name) {
            Session old = current;
            if (old != null) old.closed = true;
            Session s = new Session(name);
            current = s;
            return s;
        }

        void close(Session s) {
            s.closed = true;
            Event e;
            while ((e = s.queue.poll()) != null) e.done.completeExceptionally(new IllegalStateException("session closed"));
        }

        static final Pattern INVOCATION = Pattern.compile("/2018-06-01/runtime/invocation/([^/]+)/(response|error)");

        void handle(HttpExchange ex) {
            try {
                String path = ex.getRequestURI().getPath();
                String method = ex.getRequestMethod();
                if (method.equals("GET") && path.equals("/2018-06-01/runtime/invocation/next")) {
                    next(ex);
                    return;
                }
                Matcher m = INVOCATION.matcher(path);
                if (method.equals("POST") && m.matches()) {
                    byte[] body = ex.getRequestBody().readAllBytes();
                    long now = System.nanoTime();
                    boolean error = m.group(2).equals("error");
                    Event e = inflight.remove(m.group(1));
                    if (e == null) {
                        send(ex, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                        return;
                    }
                    send(ex, 202, "{\"status\":\"OK\"}");
                    e.done.complete(new Result(error, ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                            new String(body, StandardCharsets.UTF_8), now));
                    return;
                }
                if (method.equals("POST") && path.equals("/2018-06-01/runtime/init/error")) {
                    byte[] body = ex.getRequestBody().readAllBytes();
                    Session s = current;
                    if (s != null) {
                        String text = new String(body, StandardCharsets.UTF_8);
                        if (s.firstNextNs.get() == 0) s.initError = text;
                        else {
                            // Real Lambda rejects this once the runtime has polled /next; count it, keep going.
                            s.initErrorsAfterInit.incrementAndGet();
                            if (s.lateInitError == null) s.lateInitError = text;
                        }
                    }
                    send(ex, 202, "{\"status\":\"OK\"}");
                    return;
                }
                unknownRequests.incrementAndGet();
                send(ex, 404, "{\"errorMessage\":\"not found\",\"errorType\":\"NotFound\"}");
            } catch (Throwable t) {
                // client went away (killed process) - nothing to do
            } finally {
                ex.close();
            }
        }

        void next(HttpExchange ex) throws IOException, InterruptedException {
            Session s = current;
            if (s == null) { send(ex, 500, "{}"); return; }
            long now = System.nanoTime();
            s.nextRequests.incrementAndGet();
            if (s.firstNextNs.compareAndSet(0, now)) s.firstNext.countDown();
            Event e = null;
            while (!s.closed && e == null) e = s.queue.poll(200, TimeUnit.MILLISECONDS);
            if (e == null) { send(ex, 410, "{}"); return; }
            inflight.put(e.id, e);
            var h = ex.getResponseHeaders();
            h.set("Content-Type", "application/json");
            h.set("Lambda-Runtime-Aws-Request-Id", e.id);
            h.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
            h.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
            h.set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000)
                    + "-" + e.id.replace("-", "").substring(0, 24) + ";Parent=53995c3f42cd8ad8;Sampled=0");
            e.handedOutNs = System.nanoTime();
            ex.sendResponseHeaders(200, e.body.length);
            try (OutputStream os = ex.getResponseBody()) { os.write(e.body); }
        }

        /** Queue an event and wait for the function's /response or /error. */
        Invocation invoke(Session s, String body, int timeoutS, Process p) throws Exception {
            Event e = new Event(body);
            s.queue.add(e);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
            while (true) {
                try {
                    Result r = e.done.get(100, TimeUnit.MILLISECONDS);
                    return new Invocation(e, r);
                } catch (TimeoutException te) {
                    if (p != null && !p.isAlive()) {
                        s.queue.remove(e);
                        throw new IllegalStateException("function process exited (code " + p.exitValue() + ") during invocation");
                    }
                    if (System.nanoTime() > deadline) {
                        s.queue.remove(e);
                        inflight.remove(e.id);
                        throw new TimeoutException("no response within " + timeoutS + " s");
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Fake OpenAI-compatible model
    // ------------------------------------------------------------------------------------------------

    static final class FakeModel {
        final HttpServer server;
        volatile int latencyMs = 0;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger unexpected = new AtomicInteger();
        final AtomicInteger noSchema = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final List<String> unexpectedPaths = Collections.synchronizedList(new ArrayList<>());

        FakeModel() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            server.setExecutor(Executors.newCachedThreadPool(daemon("fake-model")));
            server.createContext("/", this::handle);
            server.start();
        }

        int port() { return server.getAddress().getPort(); }

        void resetMaxInFlight() { maxInFlight.set(0); }

        void handle(HttpExchange ex) {
            try {
                byte[] req = ex.getRequestBody().readAllBytes();
                String path = ex.getRequestURI().getPath();
                if (!(ex.getRequestMethod().equals("POST") && path.endsWith("/chat/completions"))) {
                    unexpected.incrementAndGet();
                    if (unexpectedPaths.size() < 20) unexpectedPaths.add(ex.getRequestMethod() + " " + path);
                    send(ex, 404, "{\"error\":{\"message\":\"not served by the bench fake\",\"type\":\"invalid_request_error\"}}");
                    return;
                }
                int n = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(n, Math::max);
                calls.incrementAndGet();
                try {
                    int latency = latencyMs;
                    long start = System.nanoTime();
                    String answer = answer(new String(req, StandardCharsets.UTF_8));
                    if (latency > 0) {
                        long remain = TimeUnit.MILLISECONDS.toNanos(latency) - (System.nanoTime() - start);
                        if (remain > 0) TimeUnit.NANOSECONDS.sleep(remain);
                    }
                    send(ex, 200, answer);
                } finally {
                    inFlight.decrementAndGet();
                }
            } catch (Throwable t) {
                try { send(ex, 500, "{\"error\":{\"message\":\"bench fake failed: " + Json.esc(String.valueOf(t)) + "\"}}"); }
                catch (Throwable ignored) { }
            } finally {
                ex.close();
            }
        }

        @SuppressWarnings("unchecked")
        String answer(String reqBody) {
            String model = MODEL;
            Map<String, Object> content = new LinkedHashMap<>();
            Object props = null;
            try {
                Object req = Json.parse(reqBody);
                Object m = Json.path(req, "model");
                if (m instanceof String) model = (String) m;
                Object schema = Json.path(req, "response_format", "json_schema", "schema");
                props = Json.path(schema, "properties");
            } catch (RuntimeException ignored) { }
            if (props instanceof Map) {
                for (Map.Entry<String, Object> p : ((Map<String, Object>) props).entrySet()) {
                    String k = p.getKey();
                    List<Object> en = findEnum(p.getValue());
                    if (k.equals("ranking")) content.put(k, en != null ? new ArrayList<>(en) : new ArrayList<>());
                    else if (k.equals("labels")) content.put(k, en != null && !en.isEmpty() ? List.of(en.get(0)) : List.of());
                    else if (k.equals("label")) content.put(k, en != null && !en.isEmpty() ? en.get(0) : "other");
                    else content.put(k, defaultFor(p.getValue()));
                }
            }
            if (content.isEmpty()) {
                // No usable json_schema: fall back to the first "enum":[...] anywhere in the body.
                noSchema.incrementAndGet();
                Matcher em = Pattern.compile("\"enum\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(reqBody);
                String first = "other";
                if (em.find()) {
                    Matcher sm = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(em.group(1));
                    if (sm.find()) first = sm.group(1);
                }
                content.put("label", first);
            }
            Map<String, Object> msg = new LinkedHashMap<>();
            msg.put("role", "assistant");
            msg.put("content", Json.write(content));
            msg.put("refusal", null);
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("index", 0);
            choice.put("message", msg);
            choice.put("finish_reason", "stop");
            Map<String, Object> usage = new LinkedHashMap<>();
            usage.put("prompt_tokens", 120);
            usage.put("completion_tokens", 5);
            usage.put("total_tokens", 125);
            Map<String, Object> resp = new LinkedHashMap<>();
            resp.put("id", "chatcmpl-bench");
            resp.put("object", "chat.completion");
            resp.put("created", System.currentTimeMillis() / 1000);
            resp.put("model", model);
            resp.put("choices", List.of(choice));
            resp.put("usage", usage);
            return Json.write(resp);
        }

        @SuppressWarnings("unchecked")
        static List<Object> findEnum(Object node) {
            if (node instanceof Map) {
                Map<String, Object> m = (Map<String, Object>) node;
                if (m.get("enum") instanceof List) return (List<Object>) m.get("enum");
                for (Object v : m.values()) { List<Object> r = findEnum(v); if (r != null) return r; }
            } else if (node instanceof List) {
                for (Object v : (List<Object>) node) { List<Object> r = findEnum(v); if (r != null) return r; }
            }
            return null;
        }

        /** A schema-conforming placeholder for properties other than label/labels/ranking (strict mode needs all). */
        @SuppressWarnings("unchecked")
        static Object defaultFor(Object schema) {
            if (!(schema instanceof Map)) return null;
            Map<String, Object> s = (Map<String, Object>) schema;
            if (s.get("enum") instanceof List && !((List<Object>) s.get("enum")).isEmpty()) return ((List<Object>) s.get("enum")).get(0);
            Object type = s.get("type");
            if (type instanceof List) {
                type = ((List<Object>) type).stream().filter(t -> !"null".equals(t)).findFirst().orElse("null");
            }
            if (type == null && s.get("anyOf") instanceof List && !((List<Object>) s.get("anyOf")).isEmpty()) {
                return defaultFor(((List<Object>) s.get("anyOf")).get(0));
            }
            if ("string".equals(type)) return "bench";
            if ("number".equals(type)) return 0.9;
            if ("integer".equals(type)) return 1;
            if ("boolean".equals(type)) return false;
            if ("array".equals(type)) return new ArrayList<>();
            if ("object".equals(type)) {
                Map<String, Object> o = new LinkedHashMap<>();
                if (s.get("properties") instanceof Map) {
                    for (Map.Entry<String, Object> p : ((Map<String, Object>) s.get("properties")).entrySet()) {
                        o.put(p.getKey(), defaultFor(p.getValue()));
                    }
                }
                return o;
            }
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Function processes
    // ------------------------------------------------------------------------------------------------

    static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static final class Variant {
        final String name, label;
        final boolean nativeBinary;
        final List<String> flags = new ArrayList<>();
        Path archive;          // AppCDS / AOT file
        String skipped;        // reason, when not run
        Variant(String name, String label, boolean nativeBinary) { this.name = name; this.label = label; this.nativeBinary = nativeBinary; }
    }

    static final class Bencher {
        final Config cfg;
        final RuntimeApi api;
        final FakeModel model;
        final Path javaBin;
        final int javaFeature;
        Path nativeBinary;
        final AtomicInteger seq = new AtomicInteger();
        final List<String> manifestFlags = new ArrayList<>();

        Bencher(Config cfg, RuntimeApi api, FakeModel model) {
            this.cfg = cfg; this.api = api; this.model = model;
            this.javaBin = Paths.get(System.getProperty("java.home"), "bin", "java");
            this.javaFeature = Runtime.version().feature();
            // `java -jar` would apply the runner jar's Add-Opens / Enable-Native-Access manifest attributes; with -cp
            // (how Lambda starts a handler) they must be flags, as a JAVA_TOOL_OPTIONS on Lambda would carry them.
            try (java.util.jar.JarFile jf = new java.util.jar.JarFile(cfg.jar.toFile())) {
                java.util.jar.Attributes a = jf.getManifest() == null ? null : jf.getManifest().getMainAttributes();
                if (a != null && a.getValue("Add-Opens") != null) {
                    for (String pkg : a.getValue("Add-Opens").trim().split("\\s+")) manifestFlags.add("--add-opens=" + pkg + "=ALL-UNNAMED");
                }
                if (a != null && a.getValue("Enable-Native-Access") != null && javaFeature >= 22) {
                    manifestFlags.add("--enable-native-access=ALL-UNNAMED");
                }
            } catch (IOException e) {
                // no manifest flags
            }
        }

        /** Lambda-like JVM flags. The AOT variant drops -Xshare:auto: JDK 25 rejects it next to -XX:AOTCacheOutput. */
        List<String> baseJvmFlags(Variant v) {
            List<String> f = new ArrayList<>(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
            if (v == null || !v.name.equals("aot")) f.add("-Xshare:auto");
            // The JVM sizes its initial heap (1/64) from the memory it sees: a Lambda environment of
            // AWS_LAMBDA_FUNCTION_MEMORY_SIZE MB sees that much, not this machine's RAM.
            f.add("-XX:MaxRAM=" + LAMBDA_MEMORY_MB + "m");
            f.add("-Xmx" + cfg.xmx);
            f.add("-Djava.net.preferIPv4Stack=true");
            f.addAll(manifestFlags);
            if (!cfg.extraJvmOpts.isBlank()) f.addAll(List.of(cfg.extraJvmOpts.trim().split("\\s+")));
            return f;
        }

        List<String> command(Variant v, List<String> extraFlags) {
            List<String> cmd = new ArrayList<>();
            if (v.nativeBinary) {
                cmd.add(nativeBinary.toString());
                return cmd;
            }
            cmd.add(javaBin.toString());
            cmd.addAll(baseJvmFlags(v));
            cmd.addAll(v.flags);
            cmd.addAll(extraFlags);
            cmd.add("-cp");
            cmd.add(cfg.jar + java.io.File.pathSeparator + cfg.benchLib + java.io.File.separator + "*");
            cmd.add(RIC_MAIN);
            cmd.add(HANDLER);
            return cmd;
        }

        Process start(Variant v, List<String> extraFlags, Path log) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command(v, extraFlags));
            pb.directory(cfg.project.toFile());
            Map<String, String> env = pb.environment();
            String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
            env.clear(); // like Lambda: a small, known environment (no JAVA_TOOL_OPTIONS etc. leaking in)
            env.put("PATH", path);
            env.put("LANG", "C.UTF-8");
            env.put("TZ", ":UTC");
            env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
            env.put("OPENAI_API_KEY", "sk-bench-not-a-real-key");
            env.put("OPENAI_BASE_URL", "http://127.0.0.1:" + model.port() + "/v1");
            env.put("CLASSIFIER_MODEL", MODEL);
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_DEFAULT_REGION", "us-east-1");
            env.put("AWS_LAMBDA_FUNCTION_NAME", FUNCTION_NAME);
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(LAMBDA_MEMORY_MB));
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + FUNCTION_NAME);
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]bench");
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
            env.put("_HANDLER", HANDLER);
            env.put("LAMBDA_TASK_ROOT", cfg.project.toString());
            // Keep any AWS SDK traffic on loopback: no instance-metadata lookups, endpoints pointed at the fake
            // (which answers 404 and counts the request).
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + model.port() + "/aws");
            env.putAll(cfg.extraEnv);
            Files.createDirectories(log.getParent());
            pb.redirectErrorStream(true);
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            LIVE.add(p);
            return p;
        }

        /** SIGTERM, wait, then SIGKILL (with descendants). Returns exit code or -1. */
        int stop(Process p, int graceS) {
            try {
                if (p.isAlive()) {
                    p.destroy();
                    if (!p.waitFor(graceS, TimeUnit.SECONDS)) {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                        p.waitFor(10, TimeUnit.SECONDS);
                    }
                }
                return p.isAlive() ? -1 : p.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            } finally {
                LIVE.remove(p);
            }
        }

        // ---- request bodies -------------------------------------------------------------------------

        String classifyBody() {
            String input = CLASSIFY_INPUT + (cfg.uniqueInputs ? " (ref " + seq.incrementAndGet() + ")" : "");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", "classify");
            m.put("input", input);
            m.put("labels", CLASSIFY_LABELS);
            return Json.write(m);
        }

        String rankBody() {
            String q = "reset password" + (cfg.uniqueInputs ? " " + seq.incrementAndGet() : "");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", "rank");
            m.put("query", q);
            m.put("candidates", List.of(
                    Map.of("id", "a", "text", "How to reset your password"),
                    Map.of("id", "b", "text", "Billing FAQ")));
            return Json.write(m);
        }

        String sqsBody(int n) {
            List<Object> records = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (int i = 0; i < n; i++) {
                Map<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("ApproximateReceiveCount", "1");
                attrs.put("SentTimestamp", Long.toString(now));
                attrs.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
                attrs.put("ApproximateFirstReceiveTimestamp", Long.toString(now));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("messageId", UUID.randomUUID().toString());
                r.put("receiptHandle", "x");
                r.put("body", classifyBody());
                r.put("attributes", attrs);
                r.put("messageAttributes", new LinkedHashMap<>());
                r.put("md5OfBody", "x");
                r.put("eventSource", "aws:sqs");
                r.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:in");
                r.put("awsRegion", "us-east-1");
                records.add(r);
            }
            return Json.write(Map.of("Records", records));
        }

        /** null when OK, else a short reason. */
        static String verifyDirect(Invocation inv, boolean rank) {
            if (inv.result.error) return "function error " + inv.result.errorType + ": " + abbreviate(inv.result.body);
            Object o;
            try { o = Json.parse(inv.result.body); } catch (RuntimeException e) { return "response is not JSON: " + abbreviate(inv.result.body); }
            if (!(o instanceof Map)) return "response is not a JSON object: " + abbreviate(inv.result.body);
            Map<?, ?> m = (Map<?, ?>) o;
            if (rank) {
                if (!(m.get("ranking") instanceof List) || ((List<?>) m.get("ranking")).isEmpty()) return "no \"ranking\": " + abbreviate(inv.result.body);
            } else {
                if (m.get("label") == null) return "no \"label\": " + abbreviate(inv.result.body);
            }
            if (Boolean.TRUE.equals(m.get("degraded"))) return "degraded response: " + abbreviate(inv.result.body);
            return null;
        }

        static String verifyBatch(Invocation inv) {
            if (inv.result.error) return "function error " + inv.result.errorType + ": " + abbreviate(inv.result.body);
            Object o;
            try { o = Json.parse(inv.result.body); } catch (RuntimeException e) { return "response is not JSON: " + abbreviate(inv.result.body); }
            Object f = o instanceof Map ? ((Map<?, ?>) o).get("batchItemFailures") : null;
            if (!(f instanceof List)) return "no \"batchItemFailures\": " + abbreviate(inv.result.body);
            if (!((List<?>) f).isEmpty()) return ((List<?>) f).size() + " batchItemFailures";
            return null;
        }

        // ---- one variant ----------------------------------------------------------------------------

        Map<String, Object> runVariant(Variant v) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("variant", v.name);
            r.put("label", v.label);
            List<String> failures = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            List<Double> init = new ArrayList<>(), first = new ArrayList<>(), coldTotal = new ArrayList<>();
            List<Double> warm = new ArrayList<>(), warmLat = new ArrayList<>(), batch = new ArrayList<>();
            List<Double> rss = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            int[] invocations = new int[1];
            int[] lateInitErrors = new int[1];
            String[] lateInitErrorBody = new String[1];
            List<Integer> nextPollers = new ArrayList<>();
            Map<String, Object> extra = new LinkedHashMap<>();
            r.put("command", String.join(" ", command(v, List.of())));

            for (int i = 0; i < cfg.cold; i++) {
                Path log = cfg.workDir.resolve(v.name + "-cold" + i + ".log");
                logs.add(log);
                Session s = api.newSession(v.name + "#" + i);
                Process p = null;
                try {
                    model.latencyMs = 0;
                    long t0 = System.nanoTime();
                    p = start(v, List.of(), log);
                    waitForInit(s, p, log);
                    double initMs = (s.firstNextNs.get() - t0) / 1e6;
                    boolean rankFirst = false;
                    invocations[0]++;
                    Invocation inv = api.invoke(s, classifyBody(), cfg.invokeTimeoutS, p);
                    String bad = verifyDirect(inv, rankFirst);
                    if (bad != null) failures.add("cold " + i + " first invocation: " + bad);
                    init.add(initMs);
                    first.add(inv.ms);
                    coldTotal.add(initMs + inv.ms);
                    System.out.printf(Locale.ROOT, "  %-7s cold %d: init %.0f ms, first invocation %.1f ms%n", v.name, i, initMs, inv.ms);

                    if (i == 0) warmPhase(v, s, p, warm, warmLat, batch, failures, invocations, extra);

                    Double hwm = readVmHwmMb(p.pid());
                    if (hwm != null) rss.add(hwm);
                    nextPollers.add(s.nextRequests.get());
                    if (s.initErrorsAfterInit.get() > 0) {
                        lateInitErrors[0] += s.initErrorsAfterInit.get();
                        if (lateInitErrorBody[0] == null) lateInitErrorBody[0] = abbreviate(s.lateInitError);
                    }
                } catch (Exception e) {
                    failures.add("cold " + i + ": " + e.getMessage() + tail(log));
                    System.out.println("  " + v.name + " cold " + i + " FAILED: " + e.getMessage());
                } finally {
                    if (p != null) stop(p, 10);
                    api.close(s);
                }
                if (init.isEmpty() && i >= 1) { failures.add("giving up on " + v.name + " after two failed starts"); break; }
            }

            for (Path log : logs) {
                for (String w : archiveWarnings(log)) if (!warnings.contains(w)) warnings.add(w);
            }
            if (!v.nativeBinary && cfg.classLoadCheck && !init.isEmpty()) {
                Map<String, Object> cl = classLoadCheck(v);
                r.put("classesLoaded", cl);
                if (cl.get("error") != null) {
                    warnings.add("class-load check run failed (archive forced on): " + cl.get("error"));
                } else if (v.archive != null && cl.get("total") instanceof Long && (Long) cl.get("total") > 0
                        && (Long) cl.get("fromArchive") < 0.8 * (Long) cl.get("total")) {
                    warnings.add("only " + cl.get("fromArchive") + " of " + cl.get("total") + " classes came from " + v.archive
                            + " - the archive is largely unused");
                }
            }

            r.put("coldStarts", init.size());
            r.put("initMs", stats(init));
            r.put("firstInvocationMs", stats(first));
            r.put("coldTotalMs", stats(coldTotal));
            r.put("warmOverheadMs", stats(warm));
            r.put("warmOverheadModelLatencyMs", 0);
            // Second half of the warm invocations only: the JIT (C1) has warmed up by then.
            r.put("warmOverheadSecondHalfMs", stats(warm.subList(warm.size() / 2, warm.size())));
            if (cfg.warmLatencyMs > 0) {
                Map<String, Object> wl = stats(warmLat);
                wl.put("modelLatencyMs", cfg.warmLatencyMs);
                r.put("warmOverheadAtLatencyMs", wl);
            }
            Map<String, Object> b = stats(batch);
            b.put("records", cfg.batchSize);
            b.put("modelLatencyMs", cfg.batchLatencyMs);
            r.put("sqsBatchMs", b);
            r.put("peakRssMb", rss.isEmpty() ? null : Collections.max(rss));
            r.put("peakRssMbPerProcess", rss);
            r.putAll(extra);
            r.put("invocations", invocations[0]);
            r.put("nextRequestsPerProcess", nextPollers);
            r.put("initErrorsPostedAfterInit", lateInitErrors[0]);
            if (lateInitErrorBody[0] != null) {
                r.put("initErrorPostedAfterInitBody", lateInitErrorBody[0]);
                warnings.add("the function POSTed /runtime/init/error " + lateInitErrors[0] + " time(s) after it had already polled /next"
                        + " (a second poller, e.g. Quarkus' own AbstractLambdaPollLoop?): " + lateInitErrorBody[0]);
            }
            r.put("failures", failures.size());
            r.put("failureDetails", failures.size() > 20 ? failures.subList(0, 20) : failures);
            r.put("jvmWarnings", warnings);
            return r;
        }

        void warmPhase(Variant v, Session s, Process p, List<Double> warm, List<Double> warmLat, List<Double> batch,
                       List<String> failures, int[] invocations, Map<String, Object> extra) throws Exception {
            model.latencyMs = 0;
            int callsBefore = model.calls.get();
            int n = 0;
            for (int k = 0; k < cfg.warm; k++) {
                boolean rank = k % 10 == 9;
                invocations[0]++; n++;
                Invocation inv = api.invoke(s, rank ? rankBody() : classifyBody(), cfg.invokeTimeoutS, p);
                String bad = verifyDirect(inv, rank);
                if (bad != null) failures.add("warm " + k + ": " + bad);
                warm.add(inv.ms);
            }
            extra.put("warmModelCalls", model.calls.get() - callsBefore);
            extra.put("warmInvocations", n);
            if (cfg.warmLatencyMs > 0) {
                model.latencyMs = cfg.warmLatencyMs;
                for (int k = 0; k < cfg.warmLatencyCount; k++) {
                    boolean rank = k % 10 == 9;
                    invocations[0]++;
                    Invocation inv = api.invoke(s, rank ? rankBody() : classifyBody(), cfg.invokeTimeoutS, p);
                    String bad = verifyDirect(inv, rank);
                    if (bad != null) failures.add("warm@" + cfg.warmLatencyMs + "ms " + k + ": " + bad);
                    warmLat.add(inv.ms - cfg.warmLatencyMs);
                }
            }
            model.latencyMs = cfg.batchLatencyMs;
            int batchCallsBefore = model.calls.get();
            model.resetMaxInFlight();
            for (int k = 0; k < cfg.batchRuns; k++) {
                invocations[0]++;
                Invocation inv = api.invoke(s, sqsBody(cfg.batchSize), cfg.invokeTimeoutS, p);
                String bad = verifyBatch(inv);
                if (bad != null) failures.add("sqs batch " + k + ": " + bad);
                batch.add(inv.ms);
            }
            extra.put("batchModelCalls", model.calls.get() - batchCallsBefore);
            extra.put("batchMaxConcurrentModelCalls", model.maxInFlight.get());
            model.latencyMs = 0;
            System.out.printf(Locale.ROOT, "  %-7s warm: %d invocations p50 %.2f ms; batch-%d @%dms: %s ms%n", v.name, warm.size(),
                    pct(warm, 50), cfg.batchSize, cfg.batchLatencyMs,
                    batch.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).collect(Collectors.joining(", ")));
        }

        void waitForInit(Session s, Process p, Path log) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(cfg.initTimeoutS);
            while (!s.firstNext.await(20, TimeUnit.MILLISECONDS)) {
                if (s.initError != null) throw new IllegalStateException("init error reported: " + abbreviate(s.initError));
                if (!p.isAlive()) throw new IllegalStateException("function exited during init (code " + p.exitValue() + ")");
                if (System.nanoTime() > deadline) throw new TimeoutException("no /next within " + cfg.initTimeoutS + " s");
            }
        }

        /** Training run: cold start + a mix of invocations, then SIGTERM so the JVM writes the archive at exit. */
        String train(Variant v, List<String> trainFlags, Path archive) {
            Path log = cfg.workDir.resolve(v.name + "-train.log");
            Session s = api.newSession(v.name + "-train");
            Process p = null;
            long t0 = System.nanoTime();
            try {
                Files.deleteIfExists(archive);
                model.latencyMs = 0;
                p = start(v, trainFlags, log);
                waitForInit(s, p, log);
                for (int k = 0; k < cfg.trainInvocations; k++) {
                    boolean rank = k % 5 == 4;
                    Invocation inv = api.invoke(s, rank ? rankBody() : classifyBody(), cfg.invokeTimeoutS, p);
                    String bad = verifyDirect(inv, rank);
                    if (bad != null) return "training invocation failed: " + bad;
                }
                for (int k = 0; k < 2; k++) {
                    Invocation inv = api.invoke(s, sqsBody(cfg.batchSize), cfg.invokeTimeoutS, p);
                    String bad = verifyBatch(inv);
                    if (bad != null) return "training batch failed: " + bad;
                }
            } catch (Exception e) {
                return "training run failed: " + e.getMessage() + tail(log);
            } finally {
                if (p != null) {
                    int code = stop(p, cfg.trainExitTimeoutS);
                    System.out.printf(Locale.ROOT, "  %-7s training run finished in %.1f s (exit %d)%n", v.name,
                            (System.nanoTime() - t0) / 1e9, code);
                }
                api.close(s);
            }
            if (!Files.isRegularFile(archive)) return "archive " + archive + " was not written (see " + log + ")" + tail(log);
            return null;
        }

        /**
         * One extra cold start with -Xlog:class+load to count the classes that came from a CDS/AOT archive
         * (not part of the timings). For AppCDS/AOT it also forces the archive on (-Xshare:on / -XX:AOTMode=on),
         * so an unusable archive shows up as an explicit JVM error instead of a silent fallback.
         */
        Map<String, Object> classLoadCheck(Variant v) {
            Path log = cfg.workDir.resolve(v.name + "-classload.log");
            Path xlog = cfg.workDir.resolve(v.name + "-classload.xlog");
            Session s = api.newSession(v.name + "-classload");
            Process p = null;
            Map<String, Object> m = new LinkedHashMap<>();
            List<String> flags = new ArrayList<>();
            if (v.name.equals("appcds")) flags.add("-Xshare:on");
            if (v.name.equals("aot")) flags.add("-XX:AOTMode=on");
            flags.add("-Xlog:class+load=info:file=" + xlog);
            m.put("extraFlags", flags);
            try {
                Files.deleteIfExists(xlog);
                model.latencyMs = 0;
                p = start(v, flags, log);
                waitForInit(s, p, log);
                api.invoke(s, classifyBody(), cfg.invokeTimeoutS, p);
            } catch (Exception e) {
                m.put("error", e.getMessage() + tail(log));
                return m;
            } finally {
                if (p != null) stop(p, 10);
                api.close(s);
            }
            try {
                long total = 0, shared = 0;
                for (String line : Files.readAllLines(xlog, StandardCharsets.ISO_8859_1)) {
                    if (!line.contains("source:")) continue;
                    total++;
                    if (line.contains("shared objects file")) shared++;
                }
                m.put("total", total);
                m.put("fromArchive", shared);
            } catch (IOException e) {
                m.put("error", e.toString());
            }
            return m;
        }
    }

    static final Pattern WARN = Pattern.compile(".*(\\[(warning|error)\\s*\\]\\[(cds|aot)[^\\]]*\\]|AOT cache|shared archive|Unable to use|Mismatched|CDS archive).*", Pattern.CASE_INSENSITIVE);

    static List<String> archiveWarnings(Path log) {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                String l = line.trim().replaceFirst("^\\[[0-9.]+s\\]", "");
                if (WARN.matcher(l).matches() && !out.contains(l)) out.add(l);
                if (out.size() >= 8) break;
            }
        } catch (IOException ignored) { }
        return out;
    }

    static Double readVmHwmMb(long pid) {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException ignored) { }
        return null;
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            int from = Math.max(0, lines.size() - 8);
            return lines.isEmpty() ? "" : "\n      log " + log + " (tail):\n        " + String.join("\n        ", lines.subList(from, lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    static String abbreviate(String s) {
        if (s == null) return "null";
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    // ------------------------------------------------------------------------------------------------
    // Statistics
    // ------------------------------------------------------------------------------------------------

    /** Nearest-rank percentile; NaN for no samples. */
    static double pct(List<Double> xs, double p) {
        if (xs.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, idx)));
    }

    static Map<String, Object> stats(List<Double> xs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", xs.size());
        if (!xs.isEmpty()) {
            m.put("min", round(Collections.min(xs)));
            m.put("p50", round(pct(xs, 50)));
            m.put("p90", round(pct(xs, 90)));
            m.put("p99", round(pct(xs, 99)));
            m.put("max", round(Collections.max(xs)));
            m.put("mean", round(xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
            if (xs.size() <= 1000) m.put("samples", xs.stream().map(Bench::round).collect(Collectors.toList()));
        }
        return m;
    }

    static double round(double d) { return Math.round(d * 100.0) / 100.0; }

    static double num(Map<String, Object> r, String key, String field) {
        Object o = r.get(key);
        if (!(o instanceof Map)) return Double.NaN;
        Object v = ((Map<?, ?>) o).get(field);
        return v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
    }

    // ------------------------------------------------------------------------------------------------
    // Main
    // ------------------------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        // Respond without Nagle delays (headers and body are written separately by HttpServer).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Config cfg;
        try {
            cfg = parseConfig(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process p : LIVE) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }, "bench-kill-children"));

        if (!Files.isRegularFile(cfg.jar)) {
            System.err.println("runner jar not found: " + cfg.jar + " (build with ./mvnw -B -q package -DskipTests)");
            System.exit(2);
        }
        boolean haveRic;
        try (var st = Files.list(cfg.benchLib)) {
            haveRic = st.anyMatch(f -> f.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"));
        } catch (IOException e) {
            haveRic = false;
        }
        Files.createDirectories(cfg.workDir);

        RuntimeApi api = new RuntimeApi();
        FakeModel model = new FakeModel();
        Bencher b = new Bencher(cfg, api, model);
        Map<String, Object> machine = machineInfo();
        String loadStart = loadAvg();
        machine.put("loadAvgAtStart", loadStart);
        System.out.println("# nano-classifier cold-start benchmark");
        System.out.println("machine: " + machine.get("cores") + " cores, " + machine.get("cpuModel") + ", "
                + machine.get("os") + ", JDK " + machine.get("jdk") + " (" + machine.get("jdkVendor") + ")");
        System.out.println("load average at start: " + loadStart + " (other work on the machine skews every figure; run on a quiet machine)");
        System.out.println("runtime API 127.0.0.1:" + api.port() + ", fake model 127.0.0.1:" + model.port()
                + ", logs in " + cfg.workDir);

        List<Variant> variants = new ArrayList<>();
        for (String name : cfg.variants) {
            Variant v;
            switch (name) {
                case "jvm": v = new Variant("jvm", "JVM", false); break;
                case "appcds": v = new Variant("appcds", "JVM + AppCDS", false); break;
                case "aot": v = new Variant("aot", "JVM + AOT cache (JDK 25)", false); break;
                case "native": v = new Variant("native", "native", true); break;
                default: System.err.println("unknown variant " + name); System.exit(2); return;
            }
            if (!v.nativeBinary && !haveRic) v.skipped = "no Runtime Interface Client jar in " + cfg.benchLib + " (bench/run.sh fetches it)";
            if (name.equals("aot") && b.javaFeature < 25) v.skipped = "needs JDK 25+ (running on " + Runtime.version() + ")";
            if (v.nativeBinary) {
                b.nativeBinary = findNative(cfg.project.resolve("target"));
                if (b.nativeBinary == null) v.skipped = "no native executable target/*-runner (build with -Dnative)";
            }
            variants.add(v);
        }

        Map<String, Object> floor = harnessFloor(api, 300);
        System.out.printf(Locale.ROOT, "harness floor (Runtime API round trip, in-process client, included in every invocation): p50 %.2f ms, p99 %.2f ms%n",
                num(Map.of("f", floor), "f", "p50"), num(Map.of("f", floor), "f", "p99"));

        List<Map<String, Object>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (Variant v : variants) {
            System.out.println("\n## " + v.label);
            if (v.skipped == null && v.name.equals("appcds")) {
                v.archive = cfg.workDir.resolve("app-cds.jsa");
                v.skipped = b.train(v, List.of("-XX:ArchiveClassesAtExit=" + v.archive), v.archive);
                v.flags.add("-XX:SharedArchiveFile=" + v.archive);
            }
            if (v.skipped == null && v.name.equals("aot")) {
                v.archive = cfg.workDir.resolve("app.aot");
                v.skipped = b.train(v, List.of("-XX:AOTCacheOutput=" + v.archive), v.archive);
                v.flags.add("-XX:AOTCache=" + v.archive);
            }
            Map<String, Object> r;
            if (v.skipped != null) {
                System.out.println("  skipped: " + v.skipped);
                r = new LinkedHashMap<>();
                r.put("variant", v.name);
                r.put("label", v.label);
                r.put("skipped", v.skipped);
            } else {
                r = b.runVariant(v);
                if (v.archive != null) {
                    r.put("archive", v.archive.toString());
                    r.put("archiveBytes", Files.size(v.archive));
                }
                @SuppressWarnings("unchecked") List<String> w = (List<String>) r.get("jvmWarnings");
                for (String line : w) System.out.println("  JVM warning: " + line);
                @SuppressWarnings("unchecked") List<String> f = (List<String>) r.get("failureDetails");
                for (String line : f.subList(0, Math.min(5, f.size()))) System.out.println("  FAILURE: " + line);
            }
            results.add(r);
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generatedAt", Instant.now().toString());
        out.put("machine", machine);
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("coldStarts", cfg.cold);
        conf.put("warmInvocations", cfg.warm);
        conf.put("warmModelLatencyMs", 0);
        conf.put("extraWarmModelLatencyMs", cfg.warmLatencyMs);
        conf.put("batchRecords", cfg.batchSize);
        conf.put("batchModelLatencyMs", cfg.batchLatencyMs);
        conf.put("batchRuns", cfg.batchRuns);
        conf.put("uniqueInputs", cfg.uniqueInputs);
        conf.put("jvmFlags", b.baseJvmFlags(null));
        conf.put("jar", cfg.jar.toString());
        conf.put("jarModified", Files.getLastModifiedTime(cfg.jar).toString());
        out.put("config", conf);
        out.put("targets", targets());
        out.put("results", results);
        out.put("fakeModel", Map.of("chatCompletions", model.calls.get(), "unexpectedRequests", model.unexpected.get(),
                "unexpectedPaths", new ArrayList<>(model.unexpectedPaths), "requestsWithoutSchema", model.noSchema.get()));
        out.put("runtimeApiUnknownRequests", api.unknownRequests.get());
        out.put("harnessFloorMs", floor);
        out.put("benchSeconds", round((System.nanoTime() - started) / 1e9));
        machine.put("loadAvgAtEnd", loadAvg());

        String table = table(results, cfg);
        System.out.println();
        System.out.println(table);
        System.out.println(targetCheck(results));
        System.out.println("load average at start / end: " + loadStart + " / " + machine.get("loadAvgAtEnd")
                + " (the benchmark itself adds about 1; much more means other work ran at the same time)");
        if (model.unexpected.get() > 0) System.out.println("NOTE: the function made " + model.unexpected.get()
                + " request(s) the fake model does not serve: " + model.unexpectedPaths);
        Files.createDirectories(cfg.out.getParent());
        Files.writeString(cfg.out, Json.writePretty(out) + "\n");
        System.out.println("JSON written to " + cfg.out);
        api.server.stop(0);
        model.server.stop(0);
        int failures = results.stream().mapToInt(r -> r.get("failures") instanceof Integer ? (Integer) r.get("failures") : 0).sum();
        System.exit(failures > 0 ? 1 : 0);
    }

    /**
     * The harness's own share of an invocation: an in-process runtime client (JDK HttpClient, keep-alive)
     * does /next -> /response with no work in between. Every measured invocation includes this floor.
     */
    static Map<String, Object> harnessFloor(RuntimeApi api, int n) throws Exception {
        Session s = api.newSession("harness-floor");
        java.net.http.HttpClient c = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + api.port() + "/2018-06-01/runtime/invocation/";
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    var next = c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "next")).GET().build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    if (next.statusCode() != 200) return;
                    String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                    c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + id + "/response"))
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"label\":\"billing\"}")).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    return;
                }
            }
        }, "harness-floor-client");
        t.setDaemon(true);
        t.start();
        List<Double> xs = new ArrayList<>();
        try {
            for (int i = 0; i < n + 200; i++) {
                Invocation inv = api.invoke(s, "{\"task\":\"classify\"}", 10, null);
                if (i >= 200) xs.add(inv.ms);
            }
        } finally {
            api.close(s);
        }
        return stats(xs);
    }

    static Path findNative(Path target) {
        try (var st = Files.list(target)) {
            return st.filter(f -> f.getFileName().toString().endsWith("-runner"))
                    .filter(Files::isRegularFile).filter(Files::isExecutable)
                    .max(Comparator.comparing(f -> f.toFile().lastModified())).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    static Map<String, Object> machineInfo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("jdk", System.getProperty("java.version"));
        m.put("jdkVendor", System.getProperty("java.vendor") + " " + System.getProperty("java.vm.name"));
        m.put("javaHome", System.getProperty("java.home"));
        String cpu = "unknown";
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) { cpu = line.substring(line.indexOf(':') + 1).trim(); break; }
            }
        } catch (IOException ignored) { }
        m.put("cpuModel", cpu);
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.put("memTotalMb", Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                    break;
                }
            }
        } catch (IOException | RuntimeException ignored) { }
        return m;
    }

    /** 1, 5 and 15 minute load averages from /proc/loadavg. */
    static String loadAvg() {
        try {
            String[] f = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Map<String, Object> targets() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("initMsPlainJvm", T_INIT_PLAIN);
        t.put("initMsJvmAot", T_INIT_AOT);
        t.put("coldTotalMsPlainJvm", T_COLD_PLAIN);
        t.put("coldTotalMsJvmAot", T_COLD_AOT);
        t.put("warmOverheadP50Ms", T_WARM_P50);
        t.put("warmOverheadP99Ms", T_WARM_P99);
        t.put("sqsBatch10At300MsMs", T_BATCH);
        t.put("peakRssMb", T_RSS);
        return t;
    }

    static String f0(double d) { return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.0f", d); }
    static String f1(double d) { return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.1f", d); }
    static String f2(double d) { return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.2f", d); }

    static String table(List<Map<String, Object>> results, Config cfg) {
        StringBuilder sb = new StringBuilder();
        sb.append("| variant | init p50 ms | first invocation p50 ms | cold total p50 ms | warm overhead p50 / p90 / p99 ms | batch-10 @")
                .append(cfg.batchLatencyMs).append("ms min / median ms | peak RSS MB | failures |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> r : results) {
            if (r.containsKey("skipped")) {
                sb.append("| ").append(r.get("label")).append(" | skipped: ").append(String.valueOf(r.get("skipped")).split("\n")[0].replace("|", "/"))
                        .append(" | | | | | | |\n");
                continue;
            }
            Object rss = r.get("peakRssMb");
            sb.append("| ").append(r.get("label"))
                    .append(" | ").append(f0(num(r, "initMs", "p50")))
                    .append(" | ").append(f1(num(r, "firstInvocationMs", "p50")))
                    .append(" | ").append(f0(num(r, "coldTotalMs", "p50")))
                    .append(" | ").append(f2(num(r, "warmOverheadMs", "p50"))).append(" / ").append(f2(num(r, "warmOverheadMs", "p90")))
                    .append(" / ").append(f2(num(r, "warmOverheadMs", "p99")))
                    .append(" | ").append(f0(num(r, "sqsBatchMs", "min"))).append(" / ").append(f0(num(r, "sqsBatchMs", "p50")))
                    .append(" | ").append(rss instanceof Number ? f0(((Number) rss).doubleValue()) : "–")
                    .append(" | ").append(r.get("failures")).append(" / ").append(r.get("invocations"))
                    .append(" |\n");
        }
        sb.append("\n(cold starts per variant: ").append(cfg.cold).append("; warm invocations: ").append(cfg.warm)
                .append(" at model latency 0, overhead = invocation duration - model latency; failures = failed / total invocations)\n");
        for (Map<String, Object> r : results) {
            if (r.containsKey("skipped")) continue;
            List<String> parts = new ArrayList<>();
            Object wl = r.get("warmOverheadAtLatencyMs");
            if (wl instanceof Map && ((Map<?, ?>) wl).get("p50") != null) {
                parts.add("warm overhead at " + ((Map<?, ?>) wl).get("modelLatencyMs") + " ms model latency p50/p90/p99 = "
                        + f2(num(r, "warmOverheadAtLatencyMs", "p50")) + " / " + f2(num(r, "warmOverheadAtLatencyMs", "p90"))
                        + " / " + f2(num(r, "warmOverheadAtLatencyMs", "p99")) + " ms");
            }
            parts.add("warm overhead, second half of the warm run, p50/p99 = " + f2(num(r, "warmOverheadSecondHalfMs", "p50"))
                    + " / " + f2(num(r, "warmOverheadSecondHalfMs", "p99")) + " ms");
            parts.add("init min/max " + f0(num(r, "initMs", "min")) + "/" + f0(num(r, "initMs", "max")) + " ms");
            if (r.get("batchMaxConcurrentModelCalls") != null) parts.add("max concurrent model calls in batch " + r.get("batchMaxConcurrentModelCalls"));
            if (r.get("classesLoaded") instanceof Map && ((Map<?, ?>) r.get("classesLoaded")).get("total") != null) {
                Map<?, ?> cl = (Map<?, ?>) r.get("classesLoaded");
                parts.add("classes from CDS/AOT archive " + cl.get("fromArchive") + " of " + cl.get("total"));
            }
            sb.append("  ").append(r.get("label")).append(": ").append(String.join("; ", parts)).append("\n");
        }
        return sb.toString();
    }

    static String targetCheck(List<Map<String, Object>> results) {
        StringBuilder sb = new StringBuilder("Targets: JVM+AOT init <= 350 ms, plain JVM init <= 900 ms; cold total <= 1200 ms plain JVM, <= 600 ms with AOT;\n"
                + "         warm overhead p50 <= 2 ms, p99 <= 10 ms; batch of 10 at 300 ms <= 450 ms; peak RSS <= 180 MB\n");
        for (Map<String, Object> r : results) {
            if (r.containsKey("skipped")) continue;
            String v = (String) r.get("variant");
            List<String> checks = new ArrayList<>();
            double init = num(r, "initMs", "p50"), cold = num(r, "coldTotalMs", "p50");
            if (v.equals("jvm")) { checks.add(check("init", init, T_INIT_PLAIN)); checks.add(check("cold total", cold, T_COLD_PLAIN)); }
            if (v.equals("aot")) { checks.add(check("init", init, T_INIT_AOT)); checks.add(check("cold total", cold, T_COLD_AOT)); }
            checks.add(check("warm p50", num(r, "warmOverheadMs", "p50"), T_WARM_P50));
            checks.add(check("warm p99", num(r, "warmOverheadMs", "p99"), T_WARM_P99));
            checks.add(check("batch", num(r, "sqsBatchMs", "p50"), T_BATCH));
            Object rss = r.get("peakRssMb");
            checks.add(check("RSS", rss instanceof Number ? ((Number) rss).doubleValue() : Double.NaN, T_RSS));
            Object fails = r.get("failures");
            String invalid = fails instanceof Integer && (Integer) fails > 0
                    ? fails + " FAILED INVOCATION(S) - these numbers are not valid (see failureDetails in the JSON); " : "";
            sb.append("  ").append(r.get("label")).append(": ").append(invalid).append(String.join(", ", checks)).append("\n");
        }
        return sb.toString();
    }

    static String check(String what, double value, double limit) {
        if (Double.isNaN(value)) return what + " n/a";
        return what + " " + (limit < 20 ? f2(value) : f0(value)) + (value <= limit ? " PASS" : " FAIL") + " (<= " + f0(limit) + ")";
    }

    // ------------------------------------------------------------------------------------------------
    // Small helpers: HTTP, threads, JSON
    // ------------------------------------------------------------------------------------------------

    static void send(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
        if (b.length > 0) try (OutputStream os = ex.getResponseBody()) { os.write(b); }
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Minimal JSON reader/writer (objects -> LinkedHashMap, arrays -> ArrayList, numbers -> Long/Double). */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) { this.s = s; }

        static Object parse(String text) {
            Json j = new Json(text);
            j.ws();
            Object v = j.value();
            j.ws();
            if (j.i != j.s.length()) throw j.err("trailing characters");
            return v;
        }

        static Object path(Object node, String... keys) {
            for (String k : keys) {
                if (!(node instanceof Map)) return null;
                node = ((Map<?, ?>) node).get(k);
            }
            return node;
        }

        private RuntimeException err(String msg) { return new IllegalArgumentException("JSON: " + msg + " at " + i); }

        private void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }

        private Object value() {
            if (i >= s.length()) throw err("unexpected end");
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (peek('}')) { i++; return m; }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        ws();
                        m.put(k, value());
                        ws();
                        if (peek(',')) { i++; continue; }
                        expect('}');
                        return m;
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek(']')) { i++; return l; }
                    while (true) {
                        ws();
                        l.add(value());
                        ws();
                        if (peek(',')) { i++; continue; }
                        expect(']');
                        return l;
                    }
                }
                case '"': return string();
                case 't': word("true"); return Boolean.TRUE;
                case 'f': word("false"); return Boolean.FALSE;
                case 'n': word("null"); return null;
                default: return number();
            }
        }

        private boolean peek(char c) { return i < s.length() && s.charAt(i) == c; }

        private void expect(char c) {
            if (!peek(c)) throw err("expected '" + c + "'");
            i++;
        }

        private void word(String w) {
            if (!s.startsWith(w, i)) throw err("expected " + w);
            i += w.length();
        }

        private Object number() {
            int st = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            String n = s.substring(st, i);
            if (n.isEmpty()) throw err("unexpected character '" + s.charAt(st) + "'");
            if (n.contains(".") || n.contains("e") || n.contains("E")) return Double.parseDouble(n);
            try { return Long.parseLong(n); } catch (NumberFormatException e) { return Double.parseDouble(n); }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw err("unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                if (c != '\\') { sb.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': sb.append('\n'); break;
                    case 't': sb.append('\t'); break;
                    case 'r': sb.append('\r'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'u': sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                    default: sb.append(e);
                }
            }
        }

        static String esc(String s) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                switch (c) {
                    case '"': sb.append("\\\""); break;
                    case '\\': sb.append("\\\\"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    case '\t': sb.append("\\t"); break;
                    default:
                        if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c);
                }
            }
            return sb.toString();
        }

        static String write(Object o) { StringBuilder sb = new StringBuilder(); write(sb, o, -1, 0); return sb.toString(); }

        static String writePretty(Object o) { StringBuilder sb = new StringBuilder(); write(sb, o, 2, 0); return sb.toString(); }

        private static void nl(StringBuilder sb, int indent, int level) {
            if (indent < 0) return;
            sb.append('\n');
            for (int k = 0; k < indent * level; k++) sb.append(' ');
        }

        private static void write(StringBuilder sb, Object o, int indent, int level) {
            if (o == null) sb.append("null");
            else if (o instanceof String) sb.append('"').append(esc((String) o)).append('"');
            else if (o instanceof Double || o instanceof Float) {
                double d = ((Number) o).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) sb.append("null");
                else if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append((long) d);
                else sb.append(d);
            } else if (o instanceof Number || o instanceof Boolean) sb.append(o);
            else if (o instanceof Map) {
                Map<?, ?> m = (Map<?, ?>) o;
                sb.append('{');
                boolean firstEntry = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!firstEntry) sb.append(',');
                    firstEntry = false;
                    nl(sb, indent, level + 1);
                    sb.append('"').append(esc(String.valueOf(e.getKey()))).append("\":");
                    if (indent >= 0) sb.append(' ');
                    write(sb, e.getValue(), indent, level + 1);
                }
                if (!m.isEmpty()) nl(sb, indent, level);
                sb.append('}');
            } else if (o instanceof Iterable) {
                sb.append('[');
                boolean firstEntry = true;
                boolean any = false;
                for (Object e : (Iterable<?>) o) {
                    if (!firstEntry) sb.append(',');
                    firstEntry = false;
                    any = true;
                    nl(sb, indent, level + 1);
                    write(sb, e, indent, level + 1);
                }
                if (any) nl(sb, indent, level);
                sb.append(']');
            } else sb.append('"').append(esc(String.valueOf(o))).append('"');
        }
    }
}
