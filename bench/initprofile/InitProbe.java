import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tiny cold-start probe: serves the Lambda Runtime API and a fake model, starts the function under
 * the RIC with Lambda's flags, and prints init / first invocation / second invocation times.
 * Usage: java InitProbe.java <runs> <logPrefix|-> [extra JVM flag...]
 * Environment: PROBE_PROJECT (default .), PROBE_HOLD_MS, PROBE_ENV=K=V,K=V (extra function variables),
 * PROBE_INVOCATIONS (default 2), PROBE_MODEL_HOST (default 127.0.0.1), PROBE_TASK_ROOT (run in Lambda's
 * layout from this unpacked function.zip instead of the runner jar on the class path), PROBE_RIC_JNI (a
 * private copy of the RIC's JNI library, see below).
 * Besides wall-clock times it prints the function's CPU time (utime+stime from /proc, 10 ms ticks)
 * at the first /next and over the first invocation: on a shared machine that is the steadier figure.
 * With a logPrefix, the function runs with -Xlog:class+load to <prefix>-<i>.log (uptimenanos) and
 * the first /next is held PROBE_HOLD_MS so that the log splits cleanly into init / request.
 */
public class InitProbe {
    static final String EVENT = "{\"input\":\"I was charged twice for my subscription this month (ref %d)\",\"labels\":[\"billing\",\"bug\",\"feature-request\",\"account\",\"other\"]}";

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String logPrefix = args[1];
        List<String> extra = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
        long holdMs = Long.parseLong(System.getenv().getOrDefault("PROBE_HOLD_MS", "0"));
        Path project = Path.of(System.getenv().getOrDefault("PROBE_PROJECT", ".")).toAbsolutePath();
        int invocations = Integer.parseInt(System.getenv().getOrDefault("PROBE_INVOCATIONS", "2"));

        HttpServer model = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        model.setExecutor(Executors.newCachedThreadPool());
        model.createContext("/", InitProbe::model);
        model.start();

        List<long[]> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long[] t = new long[8];
            long[] cpu = new long[4];
            long[] pidBox = {0};
            CountDownLatch done = new CountDownLatch(1);
            int[] nextCount = {0};
            String[] last = {""};
            HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            api.setExecutor(Executors.newCachedThreadPool());
            int run = i;
            api.createContext("/", ex -> {
                String p = ex.getRequestURI().getPath();
                byte[] body = ex.getRequestBody().readAllBytes();
                long now = System.nanoTime();
                if (p.endsWith("/invocation/next")) {
                    int n;
                    synchronized (nextCount) { n = ++nextCount[0]; }
                    if (n <= invocations) {
                        t[2 * n - 1] = now;
                        if (n == 1) cpu[0] = cpuMs(pidBox[0]);
                        if (n == 1 && holdMs > 0) sleep(holdMs);
                        var h = ex.getResponseHeaders();
                        h.set("Lambda-Runtime-Aws-Request-Id", "req-" + n);
                        h.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
                        h.set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:probe");
                        h.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                        h.set("Content-Type", "application/json");
                        send(ex, 200, String.format(EVENT, run * 10 + n));
                        if (n == 1 && holdMs > 0) t[1] += holdMs * 1_000_000L; // dispatch time
                    } else {
                        done.countDown();
                        // never answer: the process is killed
                    }
                } else if (p.endsWith("/response") || p.endsWith("/error")) {
                    int n = Integer.parseInt(p.replaceAll(".*/req-(\\d+)/.*", "$1"));
                    t[2 * n] = now;
                    if (n == 1) cpu[1] = cpuMs(pidBox[0]);
                    last[0] = new String(body, StandardCharsets.UTF_8);
                    if (p.endsWith("/error") || !last[0].contains("\"label\"") || last[0].contains("\"degraded\":true")) {
                        System.err.println("run " + run + " invocation " + n + " FAILED: " + last[0]);
                    }
                    send(ex, 202, "{}");
                } else {
                    System.err.println("runtime api: " + ex.getRequestMethod() + " " + p + " " + new String(body, StandardCharsets.UTF_8));
                    send(ex, 202, "{}");
                }
            });
            api.start();

            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MaxRAM=1024m"));
            if (Runtime.version().feature() >= 24) {
                cmd.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
                // PROBE_NATIVE_ACCESS=0 leaves it out: an AOT cache trained without it is refused with it.
                if (!"0".equals(System.getenv("PROBE_NATIVE_ACCESS"))) cmd.add("--enable-native-access=ALL-UNNAMED");
            }
            // The RIC's JNI library from a private copy: its default, /tmp/.libaws-lambda-jni.so rewritten at
            // every start, can be half-written when another RIC starts at the same moment on this machine.
            String jni = System.getenv("PROBE_RIC_JNI");
            if (jni != null) cmd.add("-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + jni);
            if (!logPrefix.equals("-")) cmd.add("-Xlog:class+load=info:file=" + logPrefix + "-" + i + ".log:uptimenanos,timemillis");
            cmd.addAll(extra);
            // PROBE_TASK_ROOT: Lambda's layout (function.zip unpacked there, loaded by the RIC's class loader);
            // otherwise the benchmark's (runner jar on the class path).
            String taskRoot = System.getenv("PROBE_TASK_ROOT");
            String classPath = taskRoot != null ? project.resolve("target/bench-lib") + "/*"
                    : project.resolve("target/nano-classifier-runner.jar") + ":" + project.resolve("target/bench-lib") + "/*";
            cmd.addAll(List.of("-Djava.net.preferIPv4Stack=true", "-cp", classPath,
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                    "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(taskRoot != null ? new java.io.File(taskRoot) : project.toFile());
            Map<String, String> env = pb.environment();
            env.clear();
            env.put("PATH", "/usr/bin:/bin");
            env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.getAddress().getPort());
            env.put("_HANDLER", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
            env.put("LAMBDA_TASK_ROOT", taskRoot != null ? taskRoot : project.toString());
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_DEFAULT_REGION", "us-east-1");
            env.put("AWS_LAMBDA_FUNCTION_NAME", "probe");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/probe");
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "probe");
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + model.getAddress().getPort());
            env.put("TZ", ":UTC");
            env.put("OPENAI_API_KEY", "sk-probe-not-a-real-key");
            env.put("OPENAI_BASE_URL", "http://" + System.getenv().getOrDefault("PROBE_MODEL_HOST", "127.0.0.1") + ":" + model.getAddress().getPort() + "/v1");
            env.put("CLASSIFIER_MODEL", "gpt-5.4-nano");
            String extraEnv = System.getenv("PROBE_ENV");
            if (extraEnv != null && !extraEnv.isBlank()) {
                for (String kv : extraEnv.split(",")) env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            Path out = Path.of(logPrefix.equals("-") ? "/tmp/probe-out-" + i + ".txt" : logPrefix + "-" + i + ".out");
            pb.redirectErrorStream(true).redirectOutput(out.toFile());
            t[0] = System.nanoTime();
            Process proc = pb.start();
            pidBox[0] = proc.pid();
            boolean ok = done.await(120, TimeUnit.SECONDS);
            proc.destroy();
            if (!proc.waitFor(10, TimeUnit.SECONDS)) proc.destroyForcibly().waitFor();
            api.stop(0);
            if (!ok) { System.err.println("run " + i + " timed out; see " + out); continue; }
            long[] r = new long[3 + invocations];
            r[1 + invocations] = cpu[0] * 1_000_000L;
            r[2 + invocations] = (cpu[1] - cpu[0]) * 1_000_000L;
            r[0] = (t[1] - t[0]);
            for (int n = 1; n <= invocations; n++) r[n] = t[2 * n] - (n == 1 ? t[1] : t[2 * n - 1]);
            results.add(r);
            StringBuilder sb = new StringBuilder("run " + i + ": init " + ms(r[0]));
            for (int n = 1; n <= invocations; n++) sb.append(n == 1 ? "  first " : "  inv" + n + " ").append(ms(r[n]));
            sb.append("  total ").append(ms(r[0] + r[1]));
            sb.append("  | cpu init ").append(ms(r[1 + invocations])).append("  cpu first ").append(ms(r[2 + invocations]));
            System.out.println(sb);
        }
        if (!results.isEmpty()) {
            System.out.println("median over " + results.size() + ": init " + ms(median(results, 0)) + "  first " + ms(median(results, 1))
                    + "  total " + ms(medianSum(results)) + (invocations > 1 ? "  second " + ms(median(results, 2)) : "")
                    + "  | cpu init " + ms(median(results, 1 + invocations)) + "  cpu first " + ms(median(results, 2 + invocations)));
        }
        model.stop(0);
        System.exit(0);
    }

    static long median(List<long[]> rs, int k) {
        long[] v = rs.stream().mapToLong(r -> r[k]).sorted().toArray();
        return v[v.length / 2];
    }

    static long medianSum(List<long[]> rs) {
        long[] v = rs.stream().mapToLong(r -> r[0] + r[1]).sorted().toArray();
        return v[v.length / 2];
    }

    static long cpuMs(long pid) {
        try {
            String st = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime+stime, 100 Hz ticks
        } catch (Exception e) { return -1; }
    }

    static String ms(long nanos) { return String.format("%.1f ms", nanos / 1e6); }

    static void sleep(long ms) { try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } }

    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream o = ex.getResponseBody()) { o.write(b); }
    }

    static void model(HttpExchange ex) throws IOException {
        String req = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!ex.getRequestURI().getPath().endsWith("/chat/completions")) {
            System.err.println("model: unexpected " + ex.getRequestMethod() + " " + ex.getRequestURI());
            send(ex, 404, "{}");
            return;
        }
        Matcher em = Pattern.compile("\"enum\"\\s*:\\s*\\[\\s*\"([^\"]*)\"").matcher(req);
        String label = em.find() ? em.group(1) : "other";
        String content = "{\\\"label\\\":\\\"" + label + "\\\",\\\"labels\\\":[\\\"" + label + "\\\"]}";
        ex.getResponseHeaders().set("Content-Type", "application/json");
        send(ex, 200, "{\"id\":\"chatcmpl-probe\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-5.4-nano\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\",\"refusal\":null},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":5,\"total_tokens\":125}}");
    }
}
