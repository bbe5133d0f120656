package dev.nanoclassifier.bench.report;

import dev.nanoclassifier.bench.stats.Ratio;

import java.util.ArrayList;
import java.util.List;

/**
 * The run as Markdown: one table, one row per variant, each figure followed by its ratio to the
 * Node baseline of the same run; then per-variant notes and the target check.
 */
public final class MarkdownTable {

    private static final List<Metric> COLUMNS = List.of(Metric.INIT, Metric.FIRST_INVOCATION, Metric.COLD_TOTAL,
            Metric.WARM_P50, Metric.WARM_P99, Metric.PEAK_RSS);

    private MarkdownTable() {
    }

    public static String render(RunReport report) {
        StringBuilder sb = new StringBuilder();
        VariantResult node = report.baseline();
        sb.append("| variant |");
        for (Metric m : COLUMNS) sb.append(' ').append(m.title()).append(' ').append(m.unit()).append(" |");
        sb.append(" batch-10 median ms | failures |\n|---|");
        for (int i = 0; i < COLUMNS.size(); i++) sb.append("---:|");
        sb.append("---:|---:|\n");
        for (VariantResult r : report.results()) {
            sb.append("| ").append(r.label()).append(" |");
            if (!r.ran()) {
                sb.append(" skipped: ").append(r.skipped().split("\n")[0].replace("|", "/"));
                sb.append(" |".repeat(COLUMNS.size() + 2)).append('\n');
                continue;
            }
            for (Metric m : COLUMNS) {
                double v = m.of(r);
                sb.append(' ').append(Format.num(v));
                if (node != null && r != node) sb.append(Format.ratio(Ratio.of(v, m.of(node))));
                sb.append(" |");
            }
            sb.append(' ').append(Format.num(r.batch().wallMs().p50())).append(" |");
            sb.append(' ').append(r.failures().size()).append(" / ").append(r.invocations()).append(" |\n");
        }
        return sb.toString();
    }

    /** Lines under the table: counts, per-variant details and the target check. */
    public static String notes(RunReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("(x) = ratio to the Node baseline in the same run. Cold figures: p50 over ")
                .append(report.settings().get("coldStarts")).append(" interleaved cold starts per variant; warm: ")
                .append(report.settings().get("warmInvocations")).append(" invocations at model latency 0, so duration = overhead.\n");
        sb.append("Load average at start / end: ").append(report.loadAtStart()).append(" / ").append(report.loadAtEnd()).append('\n');
        for (VariantResult r : report.results()) {
            if (!r.ran()) continue;
            List<String> parts = new ArrayList<>();
            parts.add("init min/max " + Format.num(r.cold().init().min()) + "/" + Format.num(r.cold().init().max()) + " ms");
            parts.add("warm 2nd half p50/p99 " + Format.num(r.warm().overheadSecondHalf().p50()) + "/"
                    + Format.num(r.warm().overheadSecondHalf().p99()) + " ms");
            if (r.warm().latencyMs() > 0) {
                parts.add("overhead at " + r.warm().latencyMs() + " ms model latency p50 " + Format.num(r.warm().overheadAtLatency().p50()) + " ms");
            }
            if (r.batch().records() > 0) {
                parts.add("batch-" + r.batch().records() + " @" + r.batch().modelLatencyMs() + "ms min/median "
                        + Format.num(r.batch().wallMs().min()) + "/" + Format.num(r.batch().wallMs().p50())
                        + " ms, max concurrent model calls " + r.batch().maxConcurrentCalls());
            }
            if (r.classes() != null && r.classes().error() == null) {
                parts.add("classes loaded " + r.classes().total() + (r.archiveBytes() != null ? ", from archive " + r.classes().fromArchive() : ""));
            }
            if (r.traceDatagrams() > 0 || r.name().contains("tracing")) parts.add("X-Ray datagrams " + r.traceDatagrams());
            sb.append("  ").append(r.label()).append(": ").append(String.join("; ", parts)).append('\n');
        }
        sb.append("Targets (from the issues; not tuned to pass):\n");
        for (TargetCheck.Outcome o : TargetCheck.evaluate(report, Targets.FROM_ISSUES)) sb.append("  ").append(o.line()).append('\n');
        return sb.toString();
    }
}
