package dev.nanoclassifier.eval.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Multi-label scores: exact match (the same set of labels) and the mean Jaccard index
 * |expected ∩ got| / |expected ∪ got| (0 for a case without an answer).
 */
public record MultiLabelMetrics(int n, int exact, double exactMatch, double jaccard) {

    /** @param got per case the labels answered, an empty list when there was no answer */
    public static MultiLabelMetrics compute(List<List<String>> expected, List<List<String>> got) {
        int exact = 0;
        double jaccardSum = 0;
        for (int i = 0; i < expected.size(); i++) {
            Set<String> e = new HashSet<>(expected.get(i));
            Set<String> g = new HashSet<>(got.get(i));
            if (e.equals(g)) {
                exact++;
            }
            jaccardSum += jaccard(e, g);
        }
        int n = expected.size();
        return new MultiLabelMetrics(n, exact, n == 0 ? Double.NaN : (double) exact / n, n == 0 ? Double.NaN : jaccardSum / n);
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 1;
        }
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        return (double) inter.size() / union.size();
    }
}
