package dev.nanoclassifier.eval.report;

import java.util.List;
import java.util.Map;

import dev.nanoclassifier.eval.EvalRun;
import dev.nanoclassifier.eval.data.Dataset;
import dev.nanoclassifier.eval.metrics.ClassificationMetrics;
import dev.nanoclassifier.eval.metrics.PairedComparison;
import dev.nanoclassifier.eval.metrics.Summary;

/** The summary printed on stdout: one side-by-side table per data set, then the details. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** With {@code rows} = {@link EvalRun#rows()}, computed once for all the reports of a run. */
    public static String render(EvalRun run, Map<String, List<EvalRun.Row>> rows) {
        StringBuilder sb = new StringBuilder();
        for (Dataset d : run.datasets) {
            List<EvalRun.Row> list = rows.get(d.name());
            String baseline = list.get(0).config().spec.name();
            sb.append("## ").append(d.name()).append("\n\n");
            sb.append(run.selected.get(d.name()).size()).append(" cases of ").append(d.cases().size()).append(" in `")
                    .append(d.path()).append('`');
            if (!d.skipped().isEmpty()) {
                sb.append(", ").append(d.skipped().size()).append(" malformed line(s) skipped");
            }
            sb.append(".\n\n");
            sb.append("| config | n | accuracy | Δ vs ").append(baseline).append(" [95% CI] | McNemar p | macro-F1 | ");
            sb.append("cost total | per 1k | tokens in / out | latency p50 / p95 / p99 ms | degraded | no answer |\n");
            sb.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (EvalRun.Row r : list) {
                Summary s = r.summary();
                PairedComparison p = r.vsBaseline();
                sb.append("| ").append(r.config().spec.name()).append(" | ").append(s.n()).append(" | ")
                        .append(Fmt.ratio(s.accuracy())).append(" | ");
                if (p == null) {
                    sb.append("baseline | – | ");
                } else {
                    sb.append(Fmt.signed(p.diff())).append(" [").append(Fmt.signed(p.ciLow())).append(", ")
                            .append(Fmt.signed(p.ciHigh())).append("]").append(p.significant() ? " *" : "").append(" | ")
                            .append(Fmt.p(p.pValue())).append(" | ");
                }
                sb.append(s.classification() == null ? "–" : Fmt.ratio(s.classification().macroF1())).append(" | ");
                sb.append(Fmt.usd(s.costUsd())).append(s.unpriced() > 0 ? " (+" + s.unpriced() + " unpriced)" : "")
                        .append(" | ").append(Fmt.usd(s.costPer1000())).append(" | ");
                sb.append(s.inputTokens()).append(" / ").append(s.outputTokens()).append(" | ");
                sb.append(Fmt.ms(s.latencyP50())).append(" / ").append(Fmt.ms(s.latencyP95())).append(" / ")
                        .append(Fmt.ms(s.latencyP99())).append(" | ");
                sb.append(Fmt.percent(s.degradedRate())).append(" | ").append(s.errors()).append(" |\n");
            }
            sb.append('\n');
            if (list.size() > 1) {
                sb.append("Δ: accuracy difference with the first configuration on the same cases; 95% CI by paired bootstrap")
                        .append(" (").append(run.options.bootstrap).append(" resamples, seed ").append(run.options.ciSeed)
                        .append("), * when it excludes 0. McNemar: exact test on the cases where exactly one was right.\n\n");
            }

            for (EvalRun.Row r : list) {
                Summary s = r.summary();
                sb.append("### ").append(d.name()).append(" · ").append(r.config().spec.name()).append("\n\n");
                sb.append(r.config().spec.describe()).append(".");
                if (r.config().failure != null) {
                    sb.append(" **Did not run: ").append(r.config().failure).append("**");
                }
                if (r.config().resumed > 0) {
                    sb.append(" ").append(r.config().resumed).append(" results resumed from the earlier output.");
                }
                sb.append("\n\n");
                if (!s.models().isEmpty()) {
                    sb.append("Answered by: ").append(s.models()).append(". ");
                }
                if (!s.reasons().isEmpty()) {
                    sb.append("Degraded / failed: ").append(s.reasons()).append('.');
                }
                sb.append("\n\n");
                ClassificationMetrics c = s.classification();
                if (c != null) {
                    sb.append("Single-label (").append(c.n()).append(" cases): accuracy ").append(Fmt.ratio(c.accuracy()))
                            .append(", macro-F1 ").append(Fmt.ratio(c.macroF1())).append(".\n\n");
                    sb.append("| label | precision | recall | F1 | support |\n|---|---:|---:|---:|---:|\n");
                    c.perLabel().forEach((label, pl) -> sb.append("| ").append(label).append(" | ")
                            .append(Fmt.ratio(pl.precision())).append(" | ").append(Fmt.ratio(pl.recall())).append(" | ")
                            .append(Fmt.ratio(pl.f1())).append(" | ").append(pl.support()).append(" |\n"));
                    sb.append("\nConfusion matrix (rows expected, columns predicted):\n\n");
                    boolean none = c.hasNoAnswerColumn();
                    sb.append("| expected \\ predicted |");
                    c.labels().forEach(l -> sb.append(' ').append(l).append(" |"));
                    if (none) {
                        sb.append(' ').append(ClassificationMetrics.NO_ANSWER).append(" |");
                    }
                    sb.append("\n|---|");
                    sb.append("---:|".repeat(c.labels().size() + (none ? 1 : 0))).append('\n');
                    for (int i = 0; i < c.labels().size(); i++) {
                        sb.append("| ").append(c.labels().get(i)).append(" |");
                        for (int j = 0; j < c.labels().size() + (none ? 1 : 0); j++) {
                            int v = c.matrix()[i][j];
                            sb.append(' ').append(i == j ? "**" + v + "**" : String.valueOf(v)).append(" |");
                        }
                        sb.append('\n');
                    }
                    sb.append('\n');
                }
                if (s.multiLabel() != null) {
                    sb.append("Multi-label (").append(s.multiLabel().n()).append(" cases): exact match ")
                            .append(Fmt.ratio(s.multiLabel().exactMatch())).append(", Jaccard ")
                            .append(Fmt.ratio(s.multiLabel().jaccard())).append(".\n\n");
                }
                if (s.ranking() != null) {
                    sb.append("Ranking (").append(s.ranking().n()).append(" cases): hit@1 ").append(Fmt.ratio(s.ranking().hitAt1()))
                            .append(", MRR ").append(Fmt.ratio(s.ranking().mrr())).append(", NDCG@").append(s.ranking().k())
                            .append(' ').append(Fmt.ratio(s.ranking().ndcg())).append(".\n\n");
                }
                if (!s.wrong().isEmpty()) {
                    sb.append("Wrong (first ").append(s.wrong().size()).append(" of ").append(s.n() - s.correct()).append("):\n\n");
                    sb.append("| line | input | expected | got |\n|---:|---|---|---|\n");
                    for (Summary.Wrong w : s.wrong()) {
                        sb.append("| ").append(w.line()).append(" | ").append(cell(w.input())).append(" | ")
                                .append(cell(String.join(", ", w.expected()))).append(" | ")
                                .append(cell(w.error() != null ? "(" + w.error() + ")" : String.join(", ", w.got())))
                                .append(" |\n");
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
