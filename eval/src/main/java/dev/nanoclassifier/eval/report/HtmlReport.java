package dev.nanoclassifier.eval.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.nanoclassifier.eval.EvalRun;
import dev.nanoclassifier.eval.data.Dataset;
import dev.nanoclassifier.eval.metrics.ClassificationMetrics;
import dev.nanoclassifier.eval.metrics.PairedComparison;
import dev.nanoclassifier.eval.metrics.Summary;

/**
 * One self-contained HTML file (inline CSS and SVG, no script, nothing fetched): per data set the
 * side-by-side table, a cost-vs-accuracy plot, and per configuration the confusion matrix as a
 * heatmap, the per-label scores and the wrong cases.
 */
public final class HtmlReport {

    private static final String[] PALETTE = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2" };

    private HtmlReport() {
    }

    /** With {@code rows} = {@link EvalRun#rows()}, computed once for all the reports of a run. */
    public static String render(EvalRun run, Map<String, List<EvalRun.Row>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>nano-classifier evaluation</title>\n<style>\n")
                .append("body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#1d2330}\n")
                .append("h1{font-size:22px}h2{font-size:19px;border-bottom:2px solid #dde3ea;padding-bottom:4px;margin-top:36px}h3{font-size:16px;margin-top:28px}\n")
                .append("table{border-collapse:collapse;margin:8px 0 16px}th,td{border:1px solid #dde3ea;padding:4px 8px;text-align:right;vertical-align:top}\n")
                .append("th{background:#f3f6f9}td.l,th.l{text-align:left}.sig-up{color:#0a7d28;font-weight:600}.sig-down{color:#b00020;font-weight:600}.muted{color:#6b7583}\n")
                .append(".cards{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}.card{border:1px solid #dde3ea;border-radius:6px;padding:12px}\n")
                .append(".err{color:#b00020}code{background:#f3f6f9;padding:1px 4px;border-radius:3px}\n")
                .append("</style></head><body>\n");
        sb.append("<h1>nano-classifier evaluation</h1>\n<p class=\"muted\">Started ").append(esc(run.startedAt))
                .append(run.complete ? "" : " · <span class=\"err\">incomplete: rerun with the same --out to continue</span>")
                .append(" · configurations: ");
        for (int i = 0; i < run.configs.size(); i++) {
            EvalRun.ConfigRun c = run.configs.get(i);
            sb.append(i == 0 ? "" : ", ").append("<b>").append(esc(c.spec.name())).append("</b> (").append(esc(c.spec.describe()))
                    .append(")");
        }
        sb.append("</p>\n");
        for (Dataset d : run.datasets) {
            List<EvalRun.Row> list = rows.get(d.name());
            sb.append("<section class=\"dataset\" id=\"ds-").append(esc(d.name())).append("\">\n<h2>").append(esc(d.name()))
                    .append("</h2>\n<p>").append(run.selected.get(d.name()).size()).append(" cases of ").append(d.cases().size())
                    .append(" in <code>").append(esc(d.path())).append("</code>");
            if (!d.skipped().isEmpty()) {
                sb.append(", <span class=\"err\">").append(d.skipped().size()).append(" malformed line(s) skipped</span>");
            }
            sb.append(".</p>\n");
            comparisonTable(sb, list);
            sb.append("<div class=\"cards\"><div class=\"card\">");
            costAccuracyPlot(sb, d.name(), list);
            sb.append("</div></div>\n");
            for (EvalRun.Row r : list) {
                configSection(sb, d.name(), r);
            }
            sb.append("</section>\n");
        }
        sb.append("<p class=\"muted\">Written by eval/run.sh. Δ: accuracy difference with the first configuration on the same cases; ")
                .append("95% CI by paired bootstrap (").append(run.options.bootstrap).append(" resamples, seed ")
                .append(run.options.ciSeed).append("). McNemar: exact two-sided test on the discordant cases.</p>\n");
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static void comparisonTable(StringBuilder sb, List<EvalRun.Row> list) {
        String baseline = list.get(0).config().spec.name();
        sb.append("<table class=\"comparison\"><tr><th class=\"l\">config</th><th>n</th><th>accuracy</th><th>Δ vs ")
                .append(esc(baseline)).append(" [95% CI]</th><th>McNemar p</th><th>macro-F1</th><th>cost total</th><th>per 1k</th>")
                .append("<th>tokens in / out</th><th>latency p50 / p95 / p99 ms</th><th>degraded</th><th>no answer</th></tr>\n");
        for (EvalRun.Row r : list) {
            Summary s = r.summary();
            PairedComparison p = r.vsBaseline();
            sb.append("<tr><td class=\"l\"><b>").append(esc(r.config().spec.name())).append("</b></td><td>").append(s.n())
                    .append("</td><td>").append(Fmt.ratio(s.accuracy())).append("</td>");
            if (p == null) {
                sb.append("<td class=\"muted\">baseline</td><td>–</td>");
            } else {
                sb.append("<td").append(p.significant() ? (p.diff() > 0 ? " class=\"sig-up\"" : " class=\"sig-down\"") : "").append(">").append(Fmt.signed(p.diff()))
                        .append(" [").append(Fmt.signed(p.ciLow())).append(", ").append(Fmt.signed(p.ciHigh())).append("]</td><td>")
                        .append(Fmt.p(p.pValue())).append("</td>");
            }
            sb.append("<td>").append(s.classification() == null ? "–" : Fmt.ratio(s.classification().macroF1())).append("</td><td>")
                    .append(esc(Fmt.usd(s.costUsd()))).append(s.unpriced() > 0 ? " (+" + s.unpriced() + " unpriced)" : "")
                    .append("</td><td>").append(esc(Fmt.usd(s.costPer1000()))).append("</td><td>").append(s.inputTokens())
                    .append(" / ").append(s.outputTokens()).append("</td><td>").append(Fmt.ms(s.latencyP50())).append(" / ")
                    .append(Fmt.ms(s.latencyP95())).append(" / ").append(Fmt.ms(s.latencyP99())).append("</td><td>")
                    .append(Fmt.percent(s.degradedRate())).append("</td><td>").append(s.errors()).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    /** Accuracy (y, 0 to 1) against cost per 1,000 requests (x, linear from 0), one dot per configuration. */
    static void costAccuracyPlot(StringBuilder sb, String dataset, List<EvalRun.Row> list) {
        int w = 560;
        int h = 340;
        int left = 70;
        int right = 150;
        int top = 30;
        int bottom = 50;
        double maxCost = 0;
        for (EvalRun.Row r : list) {
            double c = r.summary().costPer1000();
            if (!Double.isNaN(c)) {
                maxCost = Math.max(maxCost, c);
            }
        }
        double xMax = maxCost > 0 ? niceCeiling(maxCost * 1.1) : 1;
        int pw = w - left - right;
        int ph = h - top - bottom;
        sb.append("<svg class=\"cost-accuracy\" width=\"").append(w).append("\" height=\"")
                .append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\" aria-label=\"")
                .append(esc("cost vs accuracy, " + dataset)).append("\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n");
        sb.append("<text x=\"").append(left).append("\" y=\"18\" font-weight=\"600\" font-size=\"13\">Accuracy vs cost per 1,000 requests</text>\n");
        for (int i = 0; i <= 5; i++) {
            double acc = i / 5.0;
            double y = top + ph - acc * ph;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e9ef\"/>", left, y,
                    left + pw, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%.1f</text>%n",
                    left - 12, y + 4, acc));
            double cost = xMax * i / 5.0;
            double x = left + pw * i / 5.0;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e5e9ef\"/>", x, top, x,
                    top + ph));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n", x,
                    top + ph + 16, esc(Fmt.usd(cost))));
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#99a3b0\"/>%n",
                left, top, pw, ph));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">cost per 1,000 requests (USD)</text>%n",
                left + pw / 2, h - 12));
        sb.append(String.format(Locale.ROOT,
                "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\" fill=\"#333\">accuracy</text>%n", top + ph / 2));
        for (int i = 0; i < list.size(); i++) {
            Summary s = list.get(i).summary();
            if (s.n() == 0) {
                continue;
            }
            double cost = Double.isNaN(s.costPer1000()) ? 0 : s.costPer1000();
            double x = left + pw * cost / xMax;
            double y = top + ph - s.accuracy() * ph;
            String color = PALETTE[i % PALETTE.length];
            String name = list.get(i).config().spec.name();
            sb.append(String.format(Locale.ROOT,
                    "<g class=\"point\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\" fill-opacity=\"0.85\" stroke=\"#fff\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" font-weight=\"600\">%s</text><title>%s: accuracy %s, %s per 1k</title></g>%n",
                    x, y, color, x + 10, y + 4, color, esc(name + " " + Fmt.ratio(s.accuracy())), esc(name),
                    Fmt.ratio(s.accuracy()), esc(Fmt.usd(cost))));
        }
        sb.append("</svg>\n");
    }

    /** The confusion matrix as an SVG heatmap: cell colour is the share of the row (expected label). */
    static void heatmap(StringBuilder sb, String title, ClassificationMetrics c) {
        List<String> labels = c.labels();
        boolean none = c.hasNoAnswerColumn();
        int cols = labels.size() + (none ? 1 : 0);
        int cell = Math.max(34, Math.min(56, 420 / Math.max(1, cols)));
        int maxLen = 0;
        for (String l : labels) {
            maxLen = Math.max(maxLen, l.length());
        }
        if (none) {
            maxLen = Math.max(maxLen, ClassificationMetrics.NO_ANSWER.length());
        }
        int labelW = Math.min(180, 12 + maxLen * 7);
        int top = 34 + labelW;
        int left = labelW + 12;
        int w = left + cols * cell + 20;
        int h = top + labels.size() * cell + 30;
        sb.append("<svg class=\"confusion\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\" aria-label=\"")
                .append(esc("confusion matrix " + title)).append("\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n");
        sb.append("<text x=\"4\" y=\"16\" font-weight=\"600\" font-size=\"13\">").append(esc(title)).append("</text>\n");
        sb.append("<text x=\"").append(left).append("\" y=\"30\" fill=\"#555\">predicted →</text>\n");
        for (int j = 0; j < cols; j++) {
            String name = j < labels.size() ? labels.get(j) : ClassificationMetrics.NO_ANSWER;
            double x = left + j * cell + cell / 2.0 + 4;
            sb.append(String.format(Locale.ROOT, "<text transform=\"translate(%.1f %d) rotate(-60)\" fill=\"#333\">%s</text>%n", x,
                    top - 6, esc(name)));
        }
        for (int i = 0; i < labels.size(); i++) {
            int rowTotal = 0;
            for (int j = 0; j < cols; j++) {
                rowTotal += c.matrix()[i][j];
            }
            int y = top + i * cell;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#333\">%s</text>%n", left - 6,
                    y + cell / 2.0 + 4, esc(labels.get(i))));
            for (int j = 0; j < cols; j++) {
                int v = c.matrix()[i][j];
                double share = rowTotal == 0 ? 0 : (double) v / rowTotal;
                String fill = i == j ? mix(share, 0x1f, 0x77, 0xb4) : mix(share, 0xd6, 0x27, 0x28);
                int x = left + j * cell;
                String colName = j < labels.size() ? labels.get(j) : ClassificationMetrics.NO_ANSWER;
                sb.append(String.format(Locale.ROOT,
                        "<g class=\"cell\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\"/>"
                                + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%d</text><title>expected %s, predicted %s: %d</title></g>%n",
                        x, y, cell, cell, fill, x + cell / 2.0, y + cell / 2.0 + 4, share > 0.55 ? "#fff" : "#1d2330", v,
                        esc(labels.get(i)), esc(colName), v));
            }
        }
        sb.append("<text x=\"4\" y=\"").append(h - 8).append("\" fill=\"#555\">rows: expected · colour: share of the row (blue: right, red: wrong)</text>\n");
        sb.append("</svg>\n");
    }

    private static String mix(double share, int r, int g, int b) {
        double t = Math.max(0, Math.min(1, share));
        int rr = (int) Math.round(255 + (r - 255) * t);
        int gg = (int) Math.round(255 + (g - 255) * t);
        int bb = (int) Math.round(255 + (b - 255) * t);
        return String.format("#%02x%02x%02x", rr, gg, bb);
    }

    private static void configSection(StringBuilder sb, String dataset, EvalRun.Row r) {
        Summary s = r.summary();
        String name = r.config().spec.name();
        sb.append("<h3>").append(esc(dataset)).append(" · ").append(esc(name)).append("</h3>\n<p>").append(esc(r.config().spec.describe()))
                .append('.');
        if (r.config().failure != null) {
            sb.append(" <span class=\"err\">Did not run: ").append(esc(r.config().failure)).append("</span>");
        }
        if (!s.models().isEmpty()) {
            sb.append(" Answered by: ").append(esc(s.models().toString())).append('.');
        }
        if (!s.reasons().isEmpty()) {
            sb.append(" Degraded / failed: ").append(esc(s.reasons().toString())).append('.');
        }
        sb.append("</p>\n<div class=\"cards\">");
        ClassificationMetrics c = s.classification();
        if (c != null) {
            sb.append("<div class=\"card\">");
            heatmap(sb, name + " · accuracy " + Fmt.ratio(c.accuracy()) + " · macro-F1 " + Fmt.ratio(c.macroF1()), c);
            sb.append("</div><div class=\"card\"><table class=\"per-label\"><tr><th class=\"l\">label</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>\n");
            c.perLabel().forEach((label, pl) -> sb.append("<tr><td class=\"l\">").append(esc(label)).append("</td><td>")
                    .append(Fmt.ratio(pl.precision())).append("</td><td>").append(Fmt.ratio(pl.recall())).append("</td><td>")
                    .append(Fmt.ratio(pl.f1())).append("</td><td>").append(pl.support()).append("</td></tr>\n"));
            sb.append("</table></div>");
        }
        if (s.multiLabel() != null || s.ranking() != null) {
            sb.append("<div class=\"card\"><table>");
            if (s.multiLabel() != null) {
                sb.append("<tr><th class=\"l\">multi-label (").append(s.multiLabel().n()).append(")</th><th>exact match</th><td>")
                        .append(Fmt.ratio(s.multiLabel().exactMatch())).append("</td><th>Jaccard</th><td>")
                        .append(Fmt.ratio(s.multiLabel().jaccard())).append("</td></tr>");
            }
            if (s.ranking() != null) {
                sb.append("<tr><th class=\"l\">ranking (").append(s.ranking().n()).append(")</th><th>hit@1</th><td>")
                        .append(Fmt.ratio(s.ranking().hitAt1())).append("</td><th>MRR</th><td>").append(Fmt.ratio(s.ranking().mrr()))
                        .append("</td><th>NDCG@").append(s.ranking().k()).append("</th><td>").append(Fmt.ratio(s.ranking().ndcg()))
                        .append("</td></tr>");
            }
            sb.append("</table></div>");
        }
        sb.append("</div>\n");
        if (!s.wrong().isEmpty()) {
            sb.append("<table class=\"wrong\"><tr><th>line</th><th class=\"l\">input</th><th class=\"l\">expected</th><th class=\"l\">got</th></tr>\n");
            for (Summary.Wrong w : s.wrong()) {
                sb.append("<tr><td>").append(w.line()).append("</td><td class=\"l\">").append(esc(w.input())).append("</td><td class=\"l\">")
                        .append(esc(String.join(", ", w.expected()))).append("</td><td class=\"l\">")
                        .append(w.error() != null ? "<span class=\"err\">" + esc(w.error()) + "</span>" : esc(String.join(", ", w.got())))
                        .append("</td></tr>\n");
            }
            sb.append("</table><p class=\"muted\">first ").append(s.wrong().size()).append(" of ").append(s.n() - s.correct())
                    .append(" wrong</p>\n");
        }
    }

    static double niceCeiling(double v) {
        double exp = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (m * exp >= v) {
                return m * exp;
            }
        }
        return 10 * exp;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default: sb.append(ch);
            }
        }
        return sb.toString();
    }
}
