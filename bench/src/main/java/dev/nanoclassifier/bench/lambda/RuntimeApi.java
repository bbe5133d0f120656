package dev.nanoclassifier.bench.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.nanoclassifier.bench.http.HttpExchanges;

import static dev.nanoclassifier.bench.http.HttpExchanges.sendJson;

/**
 * The AWS Lambda Runtime API (2018-06-01) on 127.0.0.1, the way a local emulator serves it:
 * {@code GET /runtime/invocation/next} (long poll), {@code POST /runtime/invocation/{id}/response},
 * {@code .../error} and {@code POST /runtime/init/error}. Every request is accepted, but what the
 * real service would reject (an init error after the first /next) is recorded on the session.
 *
 * <p>Events go to the <em>current</em> session: {@link #openSession(String)} closes the previous one,
 * so only one execution environment is served at a time, as in Lambda. Usage:
 * <pre>
 * try (RuntimeApi api = RuntimeApi.start()) {
 *     // start a process with AWS_LAMBDA_RUNTIME_API=api.address(), or use FunctionProcess
 *     Session s = api.openSession("my-run");
 *     s.awaitFirstNext(Duration.ofSeconds(60), process::isAlive);
 *     Invocation inv = s.invoke("{...}", Duration.ofSeconds(30), process::isAlive);
 * }
 * </pre>
 */
public final class RuntimeApi implements AutoCloseable {

    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:" + LambdaEnvironment.FUNCTION_NAME;
    private static final Pattern INVOCATION = Pattern.compile("/2018-06-01/runtime/invocation/([^/]+)/(response|error)");
    private static final String OK = "{\"status\":\"OK\"}";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Session.Event> inflight = new ConcurrentHashMap<>();
    private final AtomicInteger unknownRequests = new AtomicInteger();
    private volatile Session current;

    private RuntimeApi(int port) throws IOException {
        // Answer without Nagle delays: HttpServer writes headers and body separately.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        executor = Executors.newCachedThreadPool(HttpExchanges.daemonThreads("runtime-api"));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on a free loopback port. */
    public static RuntimeApi start() throws IOException {
        return new RuntimeApi(0);
    }

    /** Starts on the given loopback port (0 = any free port). */
    public static RuntimeApi start(int port) throws IOException {
        return new RuntimeApi(port);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:<port>}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Requests to paths the Runtime API does not have. */
    public int unknownRequests() {
        return unknownRequests.get();
    }

    /** Makes a new session the current one; the previous session is closed. */
    public Session openSession(String name) {
        Session old = current;
        if (old != null) old.close();
        Session s = new Session(name, this);
        current = s;
        return s;
    }

    void forget(String requestId) {
        inflight.remove(requestId);
    }

    @Override
    public void close() {
        Session s = current;
        if (s != null) s.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) {
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
                Session.Event e = inflight.remove(m.group(1));
                if (e == null) {
                    sendJson(ex, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                sendJson(ex, 202, OK);
                e.done.complete(new Session.Answer(m.group(2).equals("error"),
                        ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                        new String(body, StandardCharsets.UTF_8), now));
                return;
            }
            if (method.equals("POST") && path.equals("/2018-06-01/runtime/init/error")) {
                initError(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                sendJson(ex, 202, OK);
                return;
            }
            unknownRequests.incrementAndGet();
            sendJson(ex, 404, "{\"errorMessage\":\"not found\",\"errorType\":\"NotFound\"}");
        } catch (Throwable t) {
            // the client went away (a killed process): nothing to answer
        } finally {
            ex.close();
        }
    }

    private void initError(String text) {
        Session s = current;
        if (s == null) return;
        if (s.firstNextNs.get() == 0) {
            s.initError = text;
        } else {
            // Real Lambda rejects this once the runtime has polled /next: count it and go on.
            s.initErrorsAfterInit.incrementAndGet();
            if (s.lateInitError == null) s.lateInitError = text;
        }
    }

    private void next(HttpExchange ex) throws IOException, InterruptedException {
        Session s = current;
        if (s == null) {
            sendJson(ex, 500, "{}");
            return;
        }
        long now = System.nanoTime();
        s.nextRequests.incrementAndGet();
        if (s.firstNextNs.compareAndSet(0, now)) s.firstNext.countDown();
        Session.Event e = null;
        while (!s.closed && e == null) e = s.queue.poll(200, TimeUnit.MILLISECONDS);
        if (e == null) {
            sendJson(ex, 410, "{}");
            return;
        }
        inflight.put(e.id, e);
        var h = ex.getResponseHeaders();
        h.set("Content-Type", "application/json");
        h.set("Lambda-Runtime-Aws-Request-Id", e.id);
        h.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
        h.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        h.set("Lambda-Runtime-Trace-Id", e.traceId);
        e.handedOutNs = System.nanoTime();
        ex.sendResponseHeaders(200, e.body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(e.body);
        }
    }
}
