package dev.nanoclassifier.bench.stats;

/** {@code value / baseline}, NaN when either is missing or the baseline is not positive. */
public final class Ratio {

    private Ratio() {
    }

    public static double of(double value, double baseline) {
        if (Double.isNaN(value) || Double.isNaN(baseline) || baseline <= 0) return Double.NaN;
        return value / baseline;
    }
}
