package dev.nanoclassifier.bench.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Order statistics of one metric's samples (milliseconds or megabytes). Percentiles use the
 * nearest-rank method: p-th percentile = the smallest sample with at least p % of the samples at or
 * below it. {@link #empty()} has n = 0 and NaN everywhere. Values are kept unrounded; the report
 * rounds when it prints.
 */
public record Summary(int n, double min, double p50, double p90, double p99, double max, double mean, List<Double> samples) {

    /** How many raw samples a summary keeps for the JSON report. */
    public static final int MAX_SAMPLES = 1000;

    public Summary {
        samples = List.copyOf(samples);
    }

    public static Summary empty() {
        return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of());
    }

    public static Summary of(List<Double> xs) {
        if (xs.isEmpty()) return empty();
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        double sum = 0;
        for (double x : sorted) sum += x;
        List<Double> kept = xs.size() <= MAX_SAMPLES ? xs : List.of();
        return new Summary(xs.size(), sorted.get(0), nearestRank(sorted, 50), nearestRank(sorted, 90),
                nearestRank(sorted, 99), sorted.get(sorted.size() - 1), sum / xs.size(), kept);
    }

    /** Nearest-rank percentile of an ascending list; NaN when empty. */
    public static double nearestRank(List<Double> sortedAscending, double p) {
        if (sortedAscending.isEmpty()) return Double.NaN;
        if (p < 0 || p > 100) throw new IllegalArgumentException("percentile must be in [0, 100]: " + p);
        int idx = (int) Math.ceil(p / 100.0 * sortedAscending.size()) - 1;
        return sortedAscending.get(Math.max(0, Math.min(sortedAscending.size() - 1, idx)));
    }

    /** Percentile of unsorted samples. */
    public static double percentile(List<Double> xs, double p) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return nearestRank(sorted, p);
    }

    public boolean isEmpty() {
        return n == 0;
    }
}
