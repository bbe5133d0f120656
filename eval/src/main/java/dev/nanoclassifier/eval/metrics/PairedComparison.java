package dev.nanoclassifier.eval.metrics;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Whether configuration B's accuracy differs from A's on the same cases: the difference, its 95 %
 * confidence interval by a paired bootstrap (resampling cases, both configurations together, with a
 * fixed seed so that a rerun prints the same interval), and McNemar's exact test on the cases where
 * exactly one of the two was right.
 *
 * @param diff    accuracy(B) − accuracy(A)
 * @param bOnly   cases B got right and A wrong
 * @param aOnly   cases A got right and B wrong
 * @param pValue  McNemar's exact two-sided p-value (1 when the two never disagree)
 */
public record PairedComparison(int n, double diff, double ciLow, double ciHigh, int bOnly, int aOnly, double pValue,
        int resamples, long seed) {

    public static PairedComparison compare(boolean[] a, boolean[] b, int resamples, long seed) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired results need the same cases");
        }
        int n = a.length;
        int[] d = new int[n];
        int bOnly = 0;
        int aOnly = 0;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            d[i] = (b[i] ? 1 : 0) - (a[i] ? 1 : 0);
            sum += d[i];
            if (d[i] > 0) {
                bOnly++;
            } else if (d[i] < 0) {
                aOnly++;
            }
        }
        if (n == 0) {
            return new PairedComparison(0, Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN, resamples, seed);
        }
        double[] diffs = new double[resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < resamples; r++) {
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += d[random.nextInt(n)];
            }
            diffs[r] = (double) s / n;
        }
        Arrays.sort(diffs);
        return new PairedComparison(n, (double) sum / n, quantile(diffs, 0.025), quantile(diffs, 0.975), bOnly, aOnly,
                mcNemarExact(bOnly, aOnly), resamples, seed);
    }

    /** The percentile-method bound: the value at position q·(R−1), interpolated. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** Two-sided exact McNemar: 2 · P(X ≤ min(b, c)) for X ~ Binomial(b + c, 1/2), at most 1. */
    public static double mcNemarExact(int b, int c) {
        int m = b + c;
        if (m == 0) {
            return 1;
        }
        int lo = Math.min(b, c);
        BigInteger tail = BigInteger.ZERO;
        BigInteger choose = BigInteger.ONE;
        for (int i = 0; i <= lo; i++) {
            if (i > 0) {
                choose = choose.multiply(BigInteger.valueOf(m - i + 1)).divide(BigInteger.valueOf(i));
            }
            tail = tail.add(choose);
        }
        double p = 2 * new java.math.BigDecimal(tail).divide(new java.math.BigDecimal(BigInteger.TWO.pow(m)),
                java.math.MathContext.DECIMAL64).doubleValue();
        return Math.min(1, p);
    }

    /** The interval excludes 0: the difference is unlikely to be chance on this many cases. */
    public boolean significant() {
        return ciLow > 0 || ciHigh < 0;
    }
}
