package dev.nanoclassifier.eval.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nanoclassifier.bench.json.Json;
import dev.nanoclassifier.eval.data.EvalCase;
import dev.nanoclassifier.eval.data.Kind;

/**
 * What one configuration answered to one case, already scored.
 *
 * @param key          the case's key (see {@link EvalCase#key()})
 * @param got          the label, the labels, or the ranked ids; empty when there was no answer
 * @param correct      see {@link Kind} for what counts as correct
 * @param error        why there was no answer (HTTP status and error code, timeout, ...); null when answered
 * @param retryable    the error may go away on a later run (timeout, 429, 5xx); resume retries these cases
 * @param degraded     the response's {@code degraded}
 * @param reason       the response's {@code reason}
 * @param model        the response's {@code model} (which step answered)
 * @param latencyMs    round trip as seen by the tool
 * @param costUsd      {@code usage.costUsd}; null when the response has none (no price configured)
 * @param inputTokens  {@code usage.inputTokens}
 * @param outputTokens {@code usage.outputTokens}
 */
public record CaseResult(String key, List<String> got, boolean correct, String error, boolean retryable,
        boolean degraded, String reason, String model, double latencyMs, Double costUsd, long inputTokens,
        long outputTokens) {

    public boolean answered() {
        return error == null;
    }

    /** Scores a response body of the function. A body that is not a response is an error, never a guess. */
    public static CaseResult fromResponse(EvalCase c, String body, double latencyMs) {
        Map<String, Object> r;
        try {
            r = Json.object(Json.parse(body));
        } catch (Json.ParseException e) {
            r = null;
        }
        if (r == null) {
            return failure(c, "response is not a JSON object: " + abbreviate(body), false, latencyMs);
        }
        if (r.get("error") != null) {
            Object code = Json.path(r, "error", "code");
            Object message = Json.path(r, "error", "message");
            return failure(c, code + ": " + message, false, latencyMs);
        }
        if (r.get("errorType") != null || r.get("errorMessage") != null) {
            return failure(c, r.get("errorType") + ": " + r.get("errorMessage"), false, latencyMs);
        }
        List<String> got = new ArrayList<>();
        switch (c.kind()) {
            case RANK: {
                List<Object> ranking = Json.array(r.get("ranking"));
                if (ranking == null) {
                    return failure(c, "response has no \"ranking\": " + abbreviate(body), false, latencyMs);
                }
                for (Object item : ranking) {
                    Object id = Json.path(item, "id");
                    got.add(String.valueOf(id));
                }
                break;
            }
            case MULTI_LABEL: {
                List<Object> labels = Json.array(r.get("labels"));
                if (labels == null) {
                    return failure(c, "response has no \"labels\": " + abbreviate(body), false, latencyMs);
                }
                labels.forEach(l -> got.add(String.valueOf(l)));
                break;
            }
            default: {
                Object label = r.get("label");
                if (!(label instanceof String)) {
                    return failure(c, "response has no \"label\": " + abbreviate(body), false, latencyMs);
                }
                got.add((String) label);
            }
        }
        Object usage = r.get("usage");
        Double cost = Json.number(Json.path(usage, "costUsd"));
        Double in = Json.number(Json.path(usage, "inputTokens"));
        Double out = Json.number(Json.path(usage, "outputTokens"));
        return new CaseResult(c.key(), List.copyOf(got), isCorrect(c, got), null, false,
                Boolean.TRUE.equals(r.get("degraded")), r.get("reason") instanceof String ? (String) r.get("reason") : null,
                r.get("model") instanceof String ? (String) r.get("model") : null, latencyMs, cost,
                in == null ? 0 : in.longValue(), out == null ? 0 : out.longValue());
    }

    public static CaseResult failure(EvalCase c, String error, boolean retryable, double latencyMs) {
        return new CaseResult(c.key(), List.of(), false, error, retryable, false, null, null, latencyMs, null, 0, 0);
    }

    /** Single label: equal. Multi-label: the same set. Ranking: the top id is the most relevant one. */
    public static boolean isCorrect(EvalCase c, List<String> got) {
        switch (c.kind()) {
            case RANK:
                return !got.isEmpty() && got.get(0).equals(c.expected().get(0));
            case MULTI_LABEL:
                return new java.util.HashSet<>(got).equals(new java.util.HashSet<>(c.expected()));
            default:
                return got.size() == 1 && got.get(0).equals(c.expected().get(0));
        }
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("got", got);
        m.put("correct", correct);
        m.put("error", error);
        m.put("retryable", retryable);
        m.put("degraded", degraded);
        m.put("reason", reason);
        m.put("model", model);
        m.put("latencyMs", Math.round(latencyMs * 100) / 100.0);
        m.put("costUsd", costUsd);
        m.put("inputTokens", inputTokens);
        m.put("outputTokens", outputTokens);
        return m;
    }

    public static CaseResult fromJson(Object node) {
        Map<String, Object> m = Json.object(node);
        if (m == null || !(m.get("key") instanceof String)) {
            return null;
        }
        List<String> got = new ArrayList<>();
        List<Object> g = Json.array(m.get("got"));
        if (g != null) {
            g.forEach(x -> got.add(String.valueOf(x)));
        }
        Double lat = Json.number(m.get("latencyMs"));
        Double in = Json.number(m.get("inputTokens"));
        Double out = Json.number(m.get("outputTokens"));
        return new CaseResult((String) m.get("key"), List.copyOf(got), Boolean.TRUE.equals(m.get("correct")),
                m.get("error") instanceof String ? (String) m.get("error") : null, Boolean.TRUE.equals(m.get("retryable")),
                Boolean.TRUE.equals(m.get("degraded")), m.get("reason") instanceof String ? (String) m.get("reason") : null,
                m.get("model") instanceof String ? (String) m.get("model") : null, lat == null ? 0 : lat,
                Json.number(m.get("costUsd")), in == null ? 0 : in.longValue(), out == null ? 0 : out.longValue());
    }

    static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
