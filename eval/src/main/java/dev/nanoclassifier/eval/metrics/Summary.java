package dev.nanoclassifier.eval.metrics;

import static dev.nanoclassifier.bench.stats.Summary.nearestRank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.nanoclassifier.eval.data.EvalCase;
import dev.nanoclassifier.eval.data.Kind;
import dev.nanoclassifier.eval.run.CaseResult;

/**
 * Everything reported for one configuration on one data set. Cases without a result (a run cut
 * short) are left out; {@code n} says how many were scored.
 *
 * @param accuracy      correct / n over all kinds of case (see {@link Kind})
 * @param classification single-label scores, null when the set has no single-label case
 * @param multiLabel    null when the set has no multi-label case
 * @param ranking       null when the set has no ranking case
 * @param costUsd       sum of {@code usage.costUsd}
 * @param unpriced      answers without a {@code costUsd} (a model with no configured price)
 * @param reasons       degradation reasons and error kinds → count
 * @param wrong         the first wrong cases, in data order
 */
public record Summary(int n, int answered, int correct, double accuracy, ClassificationMetrics classification,
        MultiLabelMetrics multiLabel, RankingMetrics ranking, double costUsd, int unpriced, long inputTokens,
        long outputTokens, double latencyP50, double latencyP95, double latencyP99, int degraded,
        Map<String, Integer> reasons, Map<String, Integer> models, List<Wrong> wrong) {

    /** A case that went wrong, for people to read. */
    public record Wrong(String key, int line, String input, List<String> expected, List<String> got, String error) {
    }

    public double costPer1000() {
        return n == 0 ? Double.NaN : costUsd / n * 1000;
    }

    public double degradedRate() {
        return answered == 0 ? Double.NaN : (double) degraded / answered;
    }

    public int errors() {
        return n - answered;
    }

    public static Summary of(List<EvalCase> cases, Map<String, CaseResult> results, int k, int maxWrong, int prefixChars) {
        List<String> clsExpected = new ArrayList<>();
        List<String> clsGot = new ArrayList<>();
        List<String> clsOrder = new ArrayList<>();
        List<List<String>> mlExpected = new ArrayList<>();
        List<List<String>> mlGot = new ArrayList<>();
        List<List<String>> rkExpected = new ArrayList<>();
        List<List<String>> rkGot = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, Integer> models = new TreeMap<>();
        List<Wrong> wrong = new ArrayList<>();
        int n = 0;
        int answered = 0;
        int correct = 0;
        int degraded = 0;
        int unpriced = 0;
        double cost = 0;
        long in = 0;
        long out = 0;
        for (EvalCase c : cases) {
            CaseResult r = results.get(c.key());
            if (r == null) {
                continue;
            }
            n++;
            latencies.add(r.latencyMs());
            if (r.answered()) {
                answered++;
                if (r.costUsd() == null) {
                    unpriced++;
                } else {
                    cost += r.costUsd();
                }
                in += r.inputTokens();
                out += r.outputTokens();
                if (r.degraded()) {
                    degraded++;
                    reasons.merge(r.reason() == null ? "degraded" : r.reason(), 1, Integer::sum);
                }
                if (r.model() != null) {
                    models.merge(r.model(), 1, Integer::sum);
                }
            } else {
                reasons.merge("error: " + errorKind(r.error()), 1, Integer::sum);
            }
            if (r.correct()) {
                correct++;
            } else if (wrong.size() < maxWrong) {
                wrong.add(new Wrong(c.key(), c.line(), c.textPrefix(prefixChars), c.expected(), r.got(), r.error()));
            }
            switch (c.kind()) {
                case CLASSIFY:
                    if (c.choices() != null) {
                        for (String l : c.choices()) {
                            if (!clsOrder.contains(l)) {
                                clsOrder.add(l);
                            }
                        }
                    }
                    clsExpected.add(c.expected().get(0));
                    clsGot.add(r.got().isEmpty() ? null : r.got().get(0));
                    break;
                case MULTI_LABEL:
                    mlExpected.add(c.expected());
                    mlGot.add(r.got());
                    break;
                default:
                    rkExpected.add(c.expected());
                    rkGot.add(r.got());
            }
        }
        latencies.sort(null);
        return new Summary(n, answered, correct, n == 0 ? Double.NaN : (double) correct / n,
                clsExpected.isEmpty() ? null : ClassificationMetrics.compute(clsOrder, clsExpected, clsGot),
                mlExpected.isEmpty() ? null : MultiLabelMetrics.compute(mlExpected, mlGot),
                rkExpected.isEmpty() ? null : RankingMetrics.compute(rkExpected, rkGot, k), cost, unpriced, in, out,
                nearestRank(latencies, 50), nearestRank(latencies, 95), nearestRank(latencies, 99), degraded,
                reasons, models, wrong);
    }

    /** The part of an error message before the first colon: "503 model_unavailable", "timeout", ... */
    static String errorKind(String error) {
        if (error == null) {
            return "unknown";
        }
        int colon = error.indexOf(':');
        return (colon > 0 ? error.substring(0, colon) : error).trim();
    }

    /** Per case of {@code cases} that both configurations answered or failed: correct or not, in order. */
    public static boolean[][] paired(List<EvalCase> cases, Map<String, CaseResult> a, Map<String, CaseResult> b) {
        List<boolean[]> pairs = new ArrayList<>();
        for (EvalCase c : cases) {
            CaseResult ra = a.get(c.key());
            CaseResult rb = b.get(c.key());
            if (ra != null && rb != null) {
                pairs.add(new boolean[] { ra.correct(), rb.correct() });
            }
        }
        boolean[] x = new boolean[pairs.size()];
        boolean[] y = new boolean[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            x[i] = pairs.get(i)[0];
            y[i] = pairs.get(i)[1];
        }
        return new boolean[][] { x, y };
    }

    /** Per-label figures as plain maps, for the JSON output. */
    public static Map<String, Object> perLabelJson(ClassificationMetrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.perLabel().forEach((label, p) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("precision", p.precision());
            o.put("recall", p.recall());
            o.put("f1", p.f1());
            o.put("support", p.support());
            o.put("predicted", p.predicted());
            out.put(label, o);
        });
        return out;
    }
}
