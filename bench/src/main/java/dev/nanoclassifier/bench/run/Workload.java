package dev.nanoclassifier.bench.run;

import dev.nanoclassifier.bench.json.Json;
import dev.nanoclassifier.bench.lambda.Invocation;
import dev.nanoclassifier.bench.lambda.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The events the bench sends (the README's classify and rank examples, and an SQS batch of them)
 * and the checks on the answers. With {@code unique} each body gets a sequence suffix, so that the
 * application's answer cache cannot turn model calls into cache hits.
 */
public final class Workload {

    static final String CLASSIFY_INPUT = "I was charged twice for my subscription this month";
    static final List<String> CLASSIFY_LABELS = List.of("billing", "bug", "feature-request", "account", "other");

    private final boolean unique;
    private final AtomicInteger seq = new AtomicInteger();

    public Workload(boolean unique) {
        this.unique = unique;
    }

    public String classify() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", "classify");
        m.put("input", CLASSIFY_INPUT + (unique ? " (ref " + seq.incrementAndGet() + ")" : ""));
        m.put("labels", CLASSIFY_LABELS);
        return Json.write(m);
    }

    public String rank() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", "rank");
        m.put("query", "reset password" + (unique ? " " + seq.incrementAndGet() : ""));
        m.put("candidates", List.of(Map.of("id", "a", "text", "How to reset your password"),
                Map.of("id", "b", "text", "Billing FAQ")));
        return Json.write(m);
    }

    /** The k-th event of a warm run: every tenth is a rank. */
    public boolean isRank(int k) {
        return k % 10 == 9;
    }

    public String direct(int k) {
        return isRank(k) ? rank() : classify();
    }

    public String sqsBatch(int n) {
        List<Object> records = new ArrayList<>();
        String now = Long.toString(System.currentTimeMillis());
        for (int i = 0; i < n; i++) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("ApproximateReceiveCount", "1");
            attrs.put("SentTimestamp", now);
            attrs.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
            attrs.put("ApproximateFirstReceiveTimestamp", now);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageId", UUID.randomUUID().toString());
            r.put("receiptHandle", "x");
            r.put("body", classify());
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

    /** A response body read as JSON, or why it could not be: a function error, or not JSON. */
    private record Parsed(Object json, String problem) {
    }

    private static Parsed parse(Invocation inv) {
        if (inv.error()) return new Parsed(null, "function error " + inv.errorType() + ": " + Text.abbreviate(inv.body()));
        try {
            return new Parsed(Json.parse(inv.body()), null);
        } catch (IllegalArgumentException e) {
            return new Parsed(null, "response is not JSON: " + Text.abbreviate(inv.body()));
        }
    }

    /** Null when a direct answer is good: a label (or a non-empty ranking), not degraded. */
    public static String checkDirect(Invocation inv, boolean rank) {
        Parsed parsed = parse(inv);
        if (parsed.problem() != null) return parsed.problem();
        Object o = parsed.json();
        if (!(o instanceof Map)) return "response is not a JSON object: " + Text.abbreviate(inv.body());
        Map<?, ?> m = (Map<?, ?>) o;
        if (rank) {
            if (!(m.get("ranking") instanceof List) || ((List<?>) m.get("ranking")).isEmpty()) return "no \"ranking\": " + Text.abbreviate(inv.body());
        } else if (m.get("label") == null) {
            return "no \"label\": " + Text.abbreviate(inv.body());
        }
        if (Boolean.TRUE.equals(m.get("degraded"))) return "degraded response: " + Text.abbreviate(inv.body());
        return null;
    }

    /** Null when an SQS answer has an empty {@code batchItemFailures}. */
    public static String checkBatch(Invocation inv) {
        Parsed parsed = parse(inv);
        if (parsed.problem() != null) return parsed.problem();
        Object o = parsed.json();
        Object f = Json.path(o, "batchItemFailures");
        if (!(f instanceof List)) return "no \"batchItemFailures\": " + Text.abbreviate(inv.body());
        if (!((List<?>) f).isEmpty()) return ((List<?>) f).size() + " batchItemFailures";
        return null;
    }
}
