package dev.nanoclassifier.eval.metrics;

import java.util.List;

/**
 * Ranking scores against the relevant candidate ids given most relevant first.
 * <ul>
 * <li><b>hit@1</b>: the top id is the most relevant one.</li>
 * <li><b>MRR</b>: mean of 1 / (rank of the first relevant id in the answer), 0 when none is there.</li>
 * <li><b>NDCG@k</b>: graded relevance from the expected order: of m relevant ids the first has grade m,
 * the last grade 1, every other candidate 0; DCG@k = Σ<sub>i≤k</sub> grade(answer<sub>i</sub>) / log2(i + 1),
 * divided by the DCG@k of the expected order.</li>
 * </ul>
 */
public record RankingMetrics(int n, int k, int hits, double hitAt1, double mrr, double ndcg) {

    /** @param got per case the ranked ids, an empty list when there was no answer */
    public static RankingMetrics compute(List<List<String>> expected, List<List<String>> got, int k) {
        int hits = 0;
        double rr = 0;
        double ndcg = 0;
        for (int i = 0; i < expected.size(); i++) {
            List<String> e = expected.get(i);
            List<String> g = got.get(i);
            if (!g.isEmpty() && g.get(0).equals(e.get(0))) {
                hits++;
            }
            rr += reciprocalRank(e, g);
            ndcg += ndcg(e, g, k);
        }
        int n = expected.size();
        return new RankingMetrics(n, k, hits, n == 0 ? Double.NaN : (double) hits / n, n == 0 ? Double.NaN : rr / n,
                n == 0 ? Double.NaN : ndcg / n);
    }

    static double reciprocalRank(List<String> expected, List<String> got) {
        for (int i = 0; i < got.size(); i++) {
            if (expected.contains(got.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    static double ndcg(List<String> expected, List<String> got, int k) {
        int m = expected.size();
        double dcg = 0;
        for (int i = 0; i < Math.min(k, got.size()); i++) {
            int pos = expected.indexOf(got.get(i));
            if (pos >= 0) {
                dcg += (m - pos) / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, m); i++) {
            ideal += (m - i) / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
