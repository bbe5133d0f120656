package dev.nanoclassifier.bench.report;

import java.util.function.ToDoubleFunction;

/** The figures the table and the targets compare, read from a {@link VariantResult}. */
public enum Metric {
    INIT("init p50", "ms", r -> r.cold().init().p50()),
    FIRST_INVOCATION("first invocation p50", "ms", r -> r.cold().firstInvocation().p50()),
    COLD_TOTAL("cold total p50", "ms", r -> r.cold().total().p50()),
    WARM_P50("warm p50", "ms", r -> r.warm().overhead().p50()),
    WARM_P99("warm p99", "ms", r -> r.warm().overhead().p99()),
    PEAK_RSS("peak RSS", "MB", VariantResult::peakRss);

    private final String title;
    private final String unit;
    private final ToDoubleFunction<VariantResult> read;

    Metric(String title, String unit, ToDoubleFunction<VariantResult> read) {
        this.title = title;
        this.unit = unit;
        this.read = read;
    }

    public String title() { return title; }
    public String unit() { return unit; }

    /** NaN when the variant did not run or the figure is missing. */
    public double of(VariantResult r) {
        return r == null || !r.ran() ? Double.NaN : read.applyAsDouble(r);
    }
}
