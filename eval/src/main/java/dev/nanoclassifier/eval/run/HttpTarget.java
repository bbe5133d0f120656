package dev.nanoclassifier.eval.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.nanoclassifier.bench.json.Json;
import dev.nanoclassifier.eval.data.EvalCase;

/**
 * A deployed function behind API Gateway: {@code POST <url>/classify} or {@code <url>/rank} with the
 * request as the body. The dev-mode event server ({@code ./mvnw quarkus:dev}, :8080) takes the same
 * calls: it treats a POST to any path as a direct invocation, and the body carries the task.
 *
 * <p>429 and 503 are retried after their {@code Retry-After} (all workers pause), or after 1, 2, 4 … s
 * when there is none, up to {@code maxRetries}; 502/504 and connection failures are retried the same
 * way. Other statuses are the answer.
 */
public final class HttpTarget implements Target {

    private final HttpClient client;
    private final String baseUrl;
    private final List<String[]> headers;
    private final Duration timeout;
    private final int maxRetries;
    private final int parallelism;
    private final RetryAfter gate = new RetryAfter();

    public HttpTarget(String baseUrl, List<String[]> headers, Duration timeout, int maxRetries, int parallelism) {
        this.baseUrl = baseUrl;
        this.headers = headers;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.parallelism = parallelism;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public CaseResult call(EvalCase c) throws InterruptedException {
        String body = Json.write(c.request());
        URI uri = URI.create(baseUrl + "/" + c.task());
        String lastError = null;
        double ms = 0;
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            gate.awaitClear();
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            for (String[] h : headers) {
                b.header(h[0], h[1]);
            }
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                ms = (System.nanoTime() - start) / 1e6;
                lastError = "timeout: no answer within " + timeout.toSeconds() + " s";
                if (attempt < maxRetries) {
                    backoff(attempt, Optional.empty());
                }
                continue;
            } catch (IOException e) {
                ms = (System.nanoTime() - start) / 1e6;
                lastError = "connection: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
                if (attempt < maxRetries) {
                    backoff(attempt, Optional.empty());
                }
                continue;
            }
            ms = (System.nanoTime() - start) / 1e6;
            int status = response.statusCode();
            if (status == 429 || status == 502 || status == 503 || status == 504) {
                lastError = "HTTP " + status + " " + errorCode(response.body()) + ": " + errorMessage(response.body());
                Optional<Duration> after = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
                if (attempt < maxRetries) {
                    backoff(attempt, after);
                }
                continue;
            }
            if (status >= 200 && status < 300) {
                return CaseResult.fromResponse(c, response.body(), ms);
            }
            return CaseResult.failure(c, "HTTP " + status + " " + errorCode(response.body()) + ": " + errorMessage(response.body()),
                    status >= 500 && isUnavailable(response.body()), ms);
        }
        return CaseResult.failure(c, lastError + " (after " + (maxRetries + 1) + " tries)", true, ms);
    }

    private void backoff(int attempt, Optional<Duration> retryAfter) throws InterruptedException {
        Duration d = retryAfter.orElse(Duration.ofSeconds(1L << Math.min(attempt, 5)));
        gate.hold(d);
        gate.awaitClear();
    }

    /** The error code of an API Gateway error body, or the direct invocation's error type. */
    static String errorCode(String body) {
        Object parsed = parseQuietly(body);
        Object code = Json.path(parsed, "error", "code");
        if (code == null) {
            code = Json.path(parsed, "errorType");
        }
        return code == null ? "error" : String.valueOf(code);
    }

    static String errorMessage(String body) {
        Object parsed = parseQuietly(body);
        Object message = Json.path(parsed, "error", "message");
        if (message == null) {
            message = Json.path(parsed, "errorMessage");
        }
        return message == null ? CaseResult.abbreviate(body) : String.valueOf(message);
    }

    private static boolean isUnavailable(String body) {
        String code = errorCode(body);
        return code.contains("ModelUnavailable") || code.equals("model_unavailable") || code.equals("model_timeout");
    }

    private static Object parseQuietly(String body) {
        try {
            return Json.parse(body);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
