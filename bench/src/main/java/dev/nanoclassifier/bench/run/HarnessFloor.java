package dev.nanoclassifier.bench.run;

import dev.nanoclassifier.bench.lambda.RuntimeApi;
import dev.nanoclassifier.bench.lambda.Session;
import dev.nanoclassifier.bench.stats.Summary;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's own share of an invocation: an in-process runtime client (JDK HttpClient,
 * keep-alive) does /next then /response with no work in between. Every measured invocation includes it.
 */
final class HarnessFloor {

    private HarnessFloor() {
    }

    static Summary measure(RuntimeApi api, int n) throws Exception {
        Session s = api.openSession("harness-floor");
        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://" + api.address() + "/2018-06-01/runtime/invocation/";
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    HttpResponse<byte[]> next = c.send(HttpRequest.newBuilder(URI.create(base + "next")).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (next.statusCode() != 200) return;
                    String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                    c.send(HttpRequest.newBuilder(URI.create(base + id + "/response"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"billing\"}")).build(),
                            HttpResponse.BodyHandlers.discarding());
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
                double ms = s.invoke("{\"task\":\"classify\"}", Duration.ofSeconds(10), () -> true).durationMs();
                if (i >= 200) xs.add(ms);
            }
        } finally {
            s.close();
        }
        return Summary.of(xs);
    }
}
