package dev.nanoclassifier.bench.model;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nanoclassifier.bench.json.Json;
import dev.nanoclassifier.bench.http.HttpExchanges;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible model on 127.0.0.1: {@code POST <anything>/chat/completions} is answered by
 * the {@link Answerer} (default {@link SchemaAnswerer}) after the configured latency; every other
 * request gets a 404 and is counted (AWS SDK calls land here through {@link #awsEndpoint()}).
 * <pre>
 * try (FakeModel model = FakeModel.start()) {
 *     model.latencyMs(50);
 *     model.answerer((req, raw) -> ModelReply.content("gpt-5.4-nano", Map.of("label", "billing")));
 *     // OPENAI_BASE_URL = model.baseUrl()
 * }
 * </pre>
 */
public final class FakeModel implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final SchemaAnswerer schemaAnswerer = new SchemaAnswerer();
    private volatile Answerer answerer = schemaAnswerer;
    private volatile int latencyMs;
    private volatile String lastRequestBody;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger unexpected = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<String> unexpectedPaths = Collections.synchronizedList(new ArrayList<>());

    private FakeModel(int port) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        executor = Executors.newCachedThreadPool(HttpExchanges.daemonThreads("fake-model"));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on a free loopback port. */
    public static FakeModel start() throws IOException {
        return new FakeModel(0);
    }

    public static FakeModel start(int port) throws IOException {
        return new FakeModel(port);
    }

    public int port() { return server.getAddress().getPort(); }
    /** {@code http://127.0.0.1:<port>/v1}, the value for OPENAI_BASE_URL. */
    public String baseUrl() { return "http://127.0.0.1:" + port() + "/v1"; }
    /** {@code http://127.0.0.1:<port>/aws}, the value for AWS_ENDPOINT_URL. */
    public String awsEndpoint() { return "http://127.0.0.1:" + port() + "/aws"; }

    /** Delay before each answer (0 = none). */
    public FakeModel latencyMs(int ms) { this.latencyMs = ms; return this; }
    public int latencyMs() { return latencyMs; }
    /** Replaces how requests are answered; {@code null} restores the schema-filling default. */
    public FakeModel answerer(Answerer a) { this.answerer = a == null ? schemaAnswerer : a; return this; }

    public int calls() { return calls.get(); }
    public int maxInFlight() { return maxInFlight.get(); }
    public void resetMaxInFlight() { maxInFlight.set(0); }
    public int unexpectedRequests() { return unexpected.get(); }
    public List<String> unexpectedPaths() { return new ArrayList<>(unexpectedPaths); }
    public int requestsWithoutSchema() { return schemaAnswerer.requestsWithoutSchema(); }
    /** The body of the last chat-completions request, or null. */
    public String lastRequestBody() { return lastRequestBody; }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        try {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            if (!(ex.getRequestMethod().equals("POST") && path.endsWith("/chat/completions"))) {
                unexpected.incrementAndGet();
                if (unexpectedPaths.size() < 20) unexpectedPaths.add(ex.getRequestMethod() + " " + path);
                HttpExchanges.sendJson(ex, 404, ModelReply.error(404, "invalid_request_error", "not served by the bench fake").body());
                return;
            }
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            calls.incrementAndGet();
            lastRequestBody = body;
            try {
                long start = System.nanoTime();
                Object request;
                try {
                    request = Json.parse(body);
                } catch (IllegalArgumentException e) {
                    request = null;
                }
                ModelReply reply = answerer.answer(request, body);
                long remain = TimeUnit.MILLISECONDS.toNanos(latencyMs) - (System.nanoTime() - start);
                if (remain > 0) TimeUnit.NANOSECONDS.sleep(remain);
                HttpExchanges.sendJson(ex, reply.status(), reply.body());
            } finally {
                inFlight.decrementAndGet();
            }
        } catch (Throwable t) {
            try {
                HttpExchanges.sendJson(ex, 500, ModelReply.error(500, "server_error", "bench fake failed: " + t).body());
            } catch (Throwable ignored) {
                // client gone
            }
        } finally {
            ex.close();
        }
    }
}
