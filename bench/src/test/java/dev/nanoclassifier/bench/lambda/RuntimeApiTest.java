package dev.nanoclassifier.bench.lambda;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the Runtime API with a tiny runtime client in a thread, as a function process would. */
class RuntimeApiTest {

    private final RuntimeApi api = start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static RuntimeApi start() {
        try {
            return RuntimeApi.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        api.close();
    }

    /** Polls /next once and posts {@code answer} to /response (or /error), remembering the headers seen. */
    private Thread runtimeClient(String outcome, String answer, AtomicReference<HttpResponse<String>> seen) {
        Thread t = new Thread(() -> {
            try {
                String base = "http://" + api.address() + "/2018-06-01/runtime/invocation/";
                HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(base + "next")).build(),
                        HttpResponse.BodyHandlers.ofString());
                seen.set(next);
                String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + id + "/" + outcome))
                        .POST(HttpRequest.BodyPublishers.ofString(answer));
                if (outcome.equals("error")) post.header("Lambda-Runtime-Function-Error-Type", "Unhandled");
                http.send(post.build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void handsOutTheEventWithLambdaHeadersAndReturnsTheResponse() throws Exception {
        Session s = api.openSession("t").traceSampled(true);
        AtomicReference<HttpResponse<String>> seen = new AtomicReference<>();
        runtimeClient("response", "{\"label\":\"billing\"}", seen);
        s.awaitFirstNext(Duration.ofSeconds(5), () -> true);
        Invocation inv = s.invoke("{\"task\":\"classify\"}", Duration.ofSeconds(5), () -> true);

        assertFalse(inv.error());
        assertEquals("{\"label\":\"billing\"}", inv.body());
        assertTrue(inv.durationMs() >= 0);
        HttpResponse<String> next = seen.get();
        assertEquals("{\"task\":\"classify\"}", next.body());
        assertEquals(inv.requestId(), next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
        assertTrue(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").isPresent());
        assertTrue(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow().startsWith("arn:aws:lambda:"));
        String trace = next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow();
        assertEquals(inv.traceId(), trace);
        assertTrue(trace.matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1"), trace);
        assertEquals(1, s.nextRequests());
    }

    @Test
    void reportsAFunctionError() throws Exception {
        Session s = api.openSession("t");
        runtimeClient("error", "{\"errorMessage\":\"boom\"}", new AtomicReference<>());
        Invocation inv = s.invoke("{}", Duration.ofSeconds(5), () -> true);
        assertTrue(inv.error());
        assertEquals("Unhandled", inv.errorType());
        assertEquals("{\"errorMessage\":\"boom\"}", inv.body());
    }

    @Test
    void unknownPathsAreCountedAndAnInitErrorFailsTheWait() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + api.address() + "/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertEquals(1, api.unknownRequests());

        Session s = api.openSession("t");
        http.send(HttpRequest.newBuilder(URI.create("http://" + api.address() + "/2018-06-01/runtime/init/error"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"no config\"}")).build(), HttpResponse.BodyHandlers.discarding());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> s.awaitFirstNext(Duration.ofSeconds(5), () -> true));
        assertTrue(e.getMessage().contains("no config"), e.getMessage());
    }

    @Test
    void aDeadProcessFailsTheInvocationFast() {
        Session s = api.openSession("t");
        long t0 = System.nanoTime();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> s.invoke("{}", Duration.ofSeconds(30), () -> false));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
    }
}
