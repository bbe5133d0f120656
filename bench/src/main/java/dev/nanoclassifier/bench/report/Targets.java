package dev.nanoclassifier.bench.report;

import java.util.List;

/** The benchmark targets of issues 10 (native) and 14 (JVM cold start), all checked against one run. */
public final class Targets {

    public static final List<Target> FROM_ISSUES = List.of(
            Target.timesNode("native", Metric.COLD_TOTAL, 0.5, "issue 10"),
            Target.timesNode("native", Metric.WARM_P50, 1.0, "issue 10"),
            Target.absolute("native", Metric.PEAK_RSS, 80, "issue 10"),
            Target.timesNode("jvm", Metric.COLD_TOTAL, 4.0, "issue 14"),
            Target.absolute("jvm", Metric.INIT, 700, "issue 14"),
            Target.timesNode("jvm", Metric.WARM_P50, 1.0, "issues 10, 14"),
            Target.timesNode("aot", Metric.COLD_TOTAL, 2.0, "issue 14"),
            Target.timesNode("aot", Metric.WARM_P50, 1.0, "issue 14"));

    private Targets() {
    }
}
