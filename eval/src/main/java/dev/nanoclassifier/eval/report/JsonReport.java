package dev.nanoclassifier.eval.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nanoclassifier.bench.json.Json;
import dev.nanoclassifier.eval.EvalRun;
import dev.nanoclassifier.eval.data.Dataset;
import dev.nanoclassifier.eval.data.EvalCase;
import dev.nanoclassifier.eval.metrics.ClassificationMetrics;
import dev.nanoclassifier.eval.metrics.PairedComparison;
import dev.nanoclassifier.eval.metrics.Summary;
import dev.nanoclassifier.eval.run.CaseResult;

/**
 * The machine-readable output, which is also the checkpoint a rerun resumes from: every case result
 * of every configuration, keyed by the case's key, next to the configuration's fingerprint.
 */
public final class JsonReport {

    public static final int FORMAT = 1;

    private JsonReport() {
    }

    /** With {@code rows} = {@link EvalRun#rows()}, computed once for all the reports of a run. */
    public static Map<String, Object> build(EvalRun run, Map<String, List<EvalRun.Row>> rows) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "nano-classifier eval");
        root.put("format", FORMAT);
        root.put("startedAt", run.startedAt);
        root.put("writtenAt", java.time.Instant.now().toString());
        root.put("complete", run.complete);
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("limit", run.options.limit);
        opts.put("sample", run.options.sample);
        opts.put("seed", run.options.seed);
        opts.put("concurrency", run.options.concurrency);
        opts.put("k", run.options.k);
        opts.put("bootstrap", run.options.bootstrap);
        opts.put("ciSeed", run.options.ciSeed);
        root.put("options", opts);
        List<Object> datasets = new ArrayList<>();
        for (Dataset d : run.datasets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("path", d.path());
            m.put("cases", d.cases().size());
            m.put("evaluated", run.selected.get(d.name()).size());
            List<Object> skipped = new ArrayList<>();
            d.skipped().forEach(p -> skipped.add(Map.of("line", p.line(), "message", p.message())));
            m.put("skipped", skipped);
            m.put("warnings", d.warnings());
            datasets.add(m);
        }
        root.put("datasets", datasets);

        List<Object> configs = new ArrayList<>();
        for (EvalRun.ConfigRun c : run.configs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.spec.name());
            m.put("target", c.spec.describe());
            m.put("settings", c.spec.maskedEnv());
            m.put("url", c.spec.url());
            m.put("fingerprint", c.spec.fingerprint());
            m.put("failure", c.failure);
            m.put("resumedCases", c.resumed);
            Map<String, Object> summaries = new LinkedHashMap<>();
            rows.forEach((dataset, list) -> list.stream().filter(r -> r.config() == c).findFirst()
                    .ifPresent(r -> summaries.put(dataset, summary(r.summary()))));
            m.put("summary", summaries);
            List<Object> cases = new ArrayList<>();
            for (EvalCase ec : run.allCases()) {
                CaseResult r = c.results.get(ec.key());
                if (r != null) {
                    Map<String, Object> j = r.toJson();
                    j.put("line", ec.line());
                    j.put("expected", ec.expected());
                    cases.add(j);
                }
            }
            m.put("cases", cases);
            configs.add(m);
        }
        root.put("configs", configs);

        List<Object> comparisons = new ArrayList<>();
        rows.forEach((dataset, list) -> {
            for (EvalRun.Row r : list) {
                if (r.vsBaseline() != null) {
                    PairedComparison p = r.vsBaseline();
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("dataset", dataset);
                    m.put("baseline", list.get(0).config().spec.name());
                    m.put("config", r.config().spec.name());
                    m.put("n", p.n());
                    m.put("accuracyDiff", p.diff());
                    m.put("ci95", List.of(p.ciLow(), p.ciHigh()));
                    m.put("ciMethod", "paired bootstrap, " + p.resamples() + " resamples, seed " + p.seed());
                    m.put("betterOnly", p.bOnly());
                    m.put("baselineOnly", p.aOnly());
                    m.put("mcnemarExactP", p.pValue());
                    m.put("significant", p.significant());
                    comparisons.add(m);
                }
            }
        });
        root.put("comparisons", comparisons);
        return root;
    }

    static Map<String, Object> summary(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", s.n());
        m.put("answered", s.answered());
        m.put("errors", s.errors());
        m.put("correct", s.correct());
        m.put("accuracy", s.accuracy());
        ClassificationMetrics c = s.classification();
        if (c != null) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("n", c.n());
            cm.put("accuracy", c.accuracy());
            cm.put("macroF1", c.macroF1());
            cm.put("perLabel", Summary.perLabelJson(c));
            List<String> cols = new ArrayList<>(c.labels());
            cols.add(ClassificationMetrics.NO_ANSWER);
            Map<String, Object> matrix = new LinkedHashMap<>();
            matrix.put("rows", c.labels());
            matrix.put("columns", cols);
            List<Object> counts = new ArrayList<>();
            for (int[] row : c.matrix()) {
                List<Integer> r = new ArrayList<>();
                for (int v : row) {
                    r.add(v);
                }
                counts.add(r);
            }
            matrix.put("counts", counts);
            cm.put("confusion", matrix);
            m.put("classification", cm);
        }
        if (s.multiLabel() != null) {
            m.put("multiLabel", Map.of("n", s.multiLabel().n(), "exactMatch", s.multiLabel().exactMatch(), "jaccard",
                    s.multiLabel().jaccard()));
        }
        if (s.ranking() != null) {
            Map<String, Object> rk = new LinkedHashMap<>();
            rk.put("n", s.ranking().n());
            rk.put("hitAt1", s.ranking().hitAt1());
            rk.put("mrr", s.ranking().mrr());
            rk.put("ndcgAtK", s.ranking().ndcg());
            rk.put("k", s.ranking().k());
            m.put("ranking", rk);
        }
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("totalUsd", s.costUsd());
        cost.put("per1000Usd", s.costPer1000());
        cost.put("unpricedAnswers", s.unpriced());
        m.put("cost", cost);
        m.put("tokens", Map.of("input", s.inputTokens(), "output", s.outputTokens()));
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("p50", s.latencyP50());
        lat.put("p95", s.latencyP95());
        lat.put("p99", s.latencyP99());
        m.put("latencyMs", lat);
        m.put("degraded", s.degraded());
        m.put("degradedRate", s.degradedRate());
        m.put("reasons", s.reasons());
        m.put("answeredBy", s.models());
        List<Object> wrong = new ArrayList<>();
        for (Summary.Wrong w : s.wrong()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("line", w.line());
            o.put("input", w.input());
            o.put("expected", w.expected());
            o.put("got", w.got());
            o.put("error", w.error());
            wrong.add(o);
        }
        m.put("wrong", wrong);
        return m;
    }

    /** Writes to a temporary file first, so that an interruption never leaves half a checkpoint. */
    public static void write(EvalRun run, Path file) throws IOException {
        write(run, run.rows(), file);
    }

    /** With {@code rows} = {@link EvalRun#rows()}, computed once for all the reports of a run. */
    public static synchronized void write(EvalRun run, Map<String, List<EvalRun.Row>> rows, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.writePretty(build(run, rows)) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The results an earlier run wrote for each configuration fingerprint. Retryable failures are left
     * out, so that they are tried again.
     */
    public static Map<String, Map<String, CaseResult>> previous(Path file) throws IOException {
        Map<String, Map<String, CaseResult>> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        Object root;
        try {
            root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (Json.ParseException e) {
            throw new IOException(file + " is not an earlier output of this tool (" + e.getMessage() + "); use --fresh or another --out");
        }
        if (!"nano-classifier eval".equals(Json.path(root, "tool"))) {
            throw new IOException(file + " is not an earlier output of this tool; use --fresh or another --out");
        }
        List<Object> configs = Json.array(Json.path(root, "configs"));
        if (configs == null) {
            return out;
        }
        for (Object c : configs) {
            Object fp = Json.path(c, "fingerprint");
            List<Object> cases = Json.array(Json.path(c, "cases"));
            if (!(fp instanceof String) || cases == null) {
                continue;
            }
            Map<String, CaseResult> results = new HashMap<>();
            for (Object node : cases) {
                CaseResult r = CaseResult.fromJson(node);
                if (r != null && !r.retryable()) {
                    results.put(r.key(), r);
                }
            }
            out.put((String) fp, results);
        }
        return out;
    }
}
