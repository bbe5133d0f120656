package dev.nanoclassifier.classifier.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Okapi BM25 over a small, fixed set of documents given as term lists. Document frequencies, and
 * so the IDF, come from these documents only. The IDF is the non-negative Lucene variant
 * {@code ln(1 + (N - df + 0.5) / (df + 0.5))}, so a term found in every document still counts a
 * little and no score is ever negative.
 *
 * <p>Immutable once built; safe to share between threads.
 */
final class Bm25 {

    static final double K1 = 1.2;
    static final double B = 0.75;

    private final List<Map<String, Integer>> termFrequencies;
    private final int[] lengths;
    private final Map<String, Integer> documentFrequencies = new HashMap<>();
    private final double averageLength;

    Bm25(List<List<String>> documents) {
        termFrequencies = new ArrayList<>(documents.size());
        lengths = new int[documents.size()];
        long total = 0;
        for (int i = 0; i < documents.size(); i++) {
            Map<String, Integer> tf = new HashMap<>();
            for (String term : documents.get(i)) {
                tf.merge(term, 1, Integer::sum);
            }
            for (String term : tf.keySet()) {
                documentFrequencies.merge(term, 1, Integer::sum);
            }
            termFrequencies.add(tf);
            lengths[i] = documents.get(i).size();
            total += lengths[i];
        }
        averageLength = documents.isEmpty() ? 0 : (double) total / documents.size();
    }

    /**
     * Scores the query against every document, in document order. A term repeated in the query
     * counts once per occurrence.
     */
    double[] scores(List<String> queryTerms) {
        double[] scores = new double[termFrequencies.size()];
        int n = termFrequencies.size();
        for (String term : queryTerms) {
            int df = documentFrequencies.getOrDefault(term, 0);
            if (df == 0) {
                continue;
            }
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            for (int i = 0; i < n; i++) {
                int tf = termFrequencies.get(i).getOrDefault(term, 0);
                if (tf > 0) {
                    double norm = K1 * (1 - B + B * lengths[i] / averageLength);
                    scores[i] += idf * tf * (K1 + 1) / (tf + norm);
                }
            }
        }
        return scores;
    }
}
