package dev.nanoclassifier.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.nanoclassifier.bench.json.Json;
import dev.nanoclassifier.eval.data.DatasetReader;
import dev.nanoclassifier.eval.data.EvalCase;
import dev.nanoclassifier.eval.data.LabelCatalog;

/** --url against an API Gateway-shaped stub on 127.0.0.1: paths, body, header, Retry-After, errors. */
class HttpTargetTest {

    private HttpServer server;
    private final ConcurrentLinkedQueue<String[]> seen = new ConcurrentLinkedQueue<>(); // path, body, auth, time
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Script script;

    interface Script {
        void answer(HttpExchange ex, int call) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new String[] { ex.getRequestURI().getPath(), body, ex.getRequestHeaders().getFirst("Authorization"),
                    Long.toString(System.nanoTime()) });
            script.answer(ex, calls.incrementAndGet());
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/prod";
    }

    private static void send(HttpExchange ex, int status, String body, String... headers) throws IOException {
        for (int i = 0; i < headers.length; i += 2) {
            ex.getResponseHeaders().set(headers[i], headers[i + 1]);
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    private static List<EvalCase> cases(String... lines) throws Exception {
        return new DatasetReader(LabelCatalog.empty()).read("t", "t.jsonl", String.join("\n", lines)).cases();
    }

    @Test
    void postsTheRequestToTheTaskPathWithTheHeaderAndWaitsOutRetryAfter() throws Exception {
        EvalCase c = cases("{\"id\":\"q1\",\"labels\":[\"billing\",\"bug\"],\"input\":\"charged twice\",\"expected\":\"billing\"}").get(0);
        script = (ex, n) -> {
            if (n == 1) {
                send(ex, 429, "{\"error\":{\"code\":\"rate_limited\",\"message\":\"slow down\"}}", "Retry-After", "1");
            } else {
                send(ex, 200, "{\"id\":\"q1\",\"task\":\"classify\",\"label\":\"billing\",\"labels\":[\"billing\"],\"model\":\"gpt-5.4-nano\","
                        + "\"degraded\":true,\"reason\":\"timeout\",\"usage\":{\"inputTokens\":412,\"outputTokens\":6,\"costUsd\":0.0000899}}");
            }
        };
        HttpTarget target = new HttpTarget(url(), List.<String[]>of(new String[] { "Authorization", "Bearer t0ken" }),
                Duration.ofSeconds(10), 3, 8);

        CaseResult r = target.call(c);

        assertTrue(r.answered(), String.valueOf(r.error()));
        assertTrue(r.correct());
        assertEquals(List.of("billing"), r.got());
        assertTrue(r.degraded());
        assertEquals("timeout", r.reason());
        assertEquals("gpt-5.4-nano", r.model());
        assertEquals(0.0000899, r.costUsd(), 1e-12);
        assertEquals(412, r.inputTokens());
        assertEquals(6, r.outputTokens());
        List<String[]> requests = new ArrayList<>(seen);
        assertEquals(2, requests.size());
        assertEquals("/prod/classify", requests.get(0)[0]);
        assertEquals("Bearer t0ken", requests.get(0)[2]);
        Map<String, Object> sent = Json.object(Json.parse(requests.get(0)[1]));
        assertEquals(Map.of("id", "q1", "labels", List.of("billing", "bug"), "input", "charged twice"), sent,
                "the request exactly as in the data, without expected");
        long waitedMs = (Long.parseLong(requests.get(1)[3]) - Long.parseLong(requests.get(0)[3])) / 1_000_000;
        assertTrue(waitedMs >= 950, "Retry-After: 1 was honoured, waited " + waitedMs + " ms");
    }

    @Test
    void rankingGoesToTheRankPathAndIsScored() throws Exception {
        EvalCase c = cases("{\"task\":\"rank\",\"query\":\"reset password\",\"candidates\":[\"billing faq\",\"password reset\",\"sso\"],"
                + "\"expected\":[\"1\",\"2\"]}").get(0);
        script = (ex, n) -> send(ex, 200, "{\"task\":\"rank\",\"ranking\":[{\"id\":\"2\",\"rank\":1},{\"id\":\"1\",\"rank\":2},"
                + "{\"id\":\"0\",\"rank\":3}],\"model\":\"local\",\"degraded\":false,\"usage\":{\"costUsd\":0}}");
        CaseResult r = new HttpTarget(url(), List.of(), Duration.ofSeconds(10), 0, 1).call(c);
        assertEquals("/prod/rank", seen.peek()[0]);
        assertEquals(List.of("2", "1", "0"), r.got());
        assertFalse(r.correct(), "the most relevant id is 1, not 2");
    }

    @Test
    void errorsAreResultsNamingTheStatusAndCode() throws Exception {
        List<EvalCase> cs = cases("{\"labels\":[\"a\",\"b\"],\"input\":\"x\",\"expected\":\"a\"}");
        script = (ex, n) -> send(ex, 400, "{\"error\":{\"code\":\"invalid_request\",\"message\":\"labels: at least 2 labels are required\","
                + "\"field\":\"labels\"}}");
        CaseResult bad = new HttpTarget(url(), List.of(), Duration.ofSeconds(10), 3, 1).call(cs.get(0));
        assertEquals("HTTP 400 invalid_request: labels: at least 2 labels are required", bad.error());
        assertFalse(bad.retryable());
        assertEquals(1, calls.get(), "a 400 is not retried");

        calls.set(0);
        script = (ex, n) -> send(ex, 503, "{\"error\":{\"code\":\"model_unavailable\",\"message\":\"model unavailable: timeout\"}}",
                "Retry-After", "0");
        CaseResult unavailable = new HttpTarget(url(), List.of(), Duration.ofSeconds(10), 2, 1).call(cs.get(0));
        assertEquals(3, calls.get(), "503 is retried --retries times");
        assertTrue(unavailable.retryable(), "so that a resumed run tries it again");
        assertTrue(unavailable.error().startsWith("HTTP 503 model_unavailable"), unavailable.error());
        assertNull(unavailable.costUsd());

        calls.set(0);
        // the dev-mode event server reports a direct invocation's error as 500 with errorType/errorMessage
        script = (ex, n) -> send(ex, 500, "{\"errorType\":\"dev.nanoclassifier.request.InvalidRequestException\",\"errorMessage\":\"input: is required\"}");
        CaseResult direct = new HttpTarget(url(), List.of(), Duration.ofSeconds(10), 2, 1).call(cs.get(0));
        assertEquals("HTTP 500 dev.nanoclassifier.request.InvalidRequestException: input: is required", direct.error());
        assertEquals(1, calls.get());
    }

    @Test
    void retryAfterAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2026-12-01T03:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse("7", now));
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Tue, 01 Dec 2026 03:00:30 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Tue, 01 Dec 2026 02:00:00 GMT", now));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", now));
        assertEquals(Optional.empty(), RetryAfter.parse(null, now));
    }

    @Test
    void concurrencyIsBounded() throws Exception {
        String[] lines = new String[24];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "{\"labels\":[\"a\",\"b\"],\"input\":\"case " + i + "\",\"expected\":\"a\"}";
        }
        List<EvalCase> cs = cases(lines);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        script = (ex, n) -> {
            max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            send(ex, 200, "{\"label\":\"a\",\"labels\":[\"a\"],\"model\":\"local\",\"usage\":{\"costUsd\":0}}");
        };
        Map<String, CaseResult> results = new java.util.concurrent.ConcurrentHashMap<>();
        Runner.run(new HttpTarget(url(), List.of(), Duration.ofSeconds(10), 0, 3), cs, results,
                new Progress(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false, "t", cs.size()), r -> { });
        assertEquals(24, results.size());
        assertTrue(results.values().stream().allMatch(CaseResult::correct));
        assertTrue(max.get() <= 3 && max.get() >= 2, "at most 3 in flight, saw " + max.get());
    }
}
