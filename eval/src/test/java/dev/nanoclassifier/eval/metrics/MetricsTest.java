package dev.nanoclassifier.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The scores against values worked out by hand (the arithmetic is in the comments). */
class MetricsTest {

    private static final double EPS = 1e-9;

    @Test
    void singleLabelScoresAndConfusionMatrix() {
        // expected a a a b b c, predicted a a b b c (no answer)
        ClassificationMetrics m = ClassificationMetrics.compute(List.of("a", "b", "c"),
                List.of("a", "a", "a", "b", "b", "c"), Arrays.asList("a", "a", "b", "b", "c", null));

        assertEquals(6, m.n());
        assertEquals(3, m.correct());
        assertEquals(0.5, m.accuracy(), EPS);
        assertEquals(List.of("a", "b", "c"), m.labels());
        // rows expected a, b, c; columns a, b, c, (no answer)
        assertArrayEquals(new int[] { 2, 1, 0, 0 }, m.matrix()[0]);
        assertArrayEquals(new int[] { 0, 1, 1, 0 }, m.matrix()[1]);
        assertArrayEquals(new int[] { 0, 0, 0, 1 }, m.matrix()[2]);
        assertTrue(m.hasNoAnswerColumn());
        // a: TP 2 of 2 predicted, 2 of 3 expected: P 1, R 2/3, F1 = 2·1·(2/3)/(5/3) = 0.8
        assertEquals(1.0, m.perLabel().get("a").precision(), EPS);
        assertEquals(2.0 / 3, m.perLabel().get("a").recall(), EPS);
        assertEquals(0.8, m.perLabel().get("a").f1(), EPS);
        assertEquals(3, m.perLabel().get("a").support());
        // b: TP 1 of 2 predicted (a→b, b→b), 1 of 2 expected: P 0.5, R 0.5, F1 0.5
        assertEquals(0.5, m.perLabel().get("b").precision(), EPS);
        assertEquals(0.5, m.perLabel().get("b").recall(), EPS);
        // c: predicted once (b→c), never right; its one case had no answer: P 0, R 0, F1 0
        assertEquals(0.0, m.perLabel().get("c").f1(), EPS);
        assertEquals(1, m.perLabel().get("c").support());
        // macro-F1 = (0.8 + 0.5 + 0) / 3
        assertEquals(1.3 / 3, m.macroF1(), EPS);
    }

    @Test
    void labelsNeitherExpectedNorPredictedStayOutOfMacroF1() {
        ClassificationMetrics m = ClassificationMetrics.compute(List.of("a", "b", "unused"), List.of("a", "b"), List.of("a", "a"));
        // a: P 1/2, R 1, F1 2/3; b: P 0, R 0, F1 0; "unused" has no support and no prediction
        assertEquals((2.0 / 3) / 2, m.macroF1(), EPS);
        assertEquals(List.of("a", "b", "unused"), m.labels());
        assertFalse(m.perLabel().containsKey("unused"));
        assertFalse(m.hasNoAnswerColumn());
    }

    @Test
    void multiLabelExactMatchAndJaccard() {
        MultiLabelMetrics m = MultiLabelMetrics.compute(List.of(List.of("a", "b"), List.of("a"), List.of("c"), List.of("a", "b", "c")),
                List.of(List.of("b", "a"), List.of("a", "c"), List.of(), List.of("a")));
        // Jaccard per case: {a,b}/{a,b} = 1; {a}/{a,c} = 1/2; none = 0; {a}/{a,b,c} = 1/3
        assertEquals(4, m.n());
        assertEquals(1, m.exact());
        assertEquals(0.25, m.exactMatch(), EPS);
        assertEquals((1 + 0.5 + 0 + 1.0 / 3) / 4, m.jaccard(), EPS);
    }

    @Test
    void rankingMrrAndGradedNdcg() {
        List<List<String>> expected = List.of(List.of("x", "y"), List.of("z"), List.of("a"), List.of("q"));
        List<List<String>> got = List.of(List.of("y", "x", "z"), List.of("x", "y", "z"), List.of("a", "b"), List.of());
        RankingMetrics m = RankingMetrics.compute(expected, got, 3);
        // case 1: grades x=2, y=1; DCG = 1/log2(2) + 2/log2(3) = 2.261860; IDCG = 2 + 1/log2(3) = 2.630930 -> 0.859719
        // case 2: z at rank 3: RR 1/3, NDCG = (1/log2(4)) / 1 = 0.5
        // case 3: perfect; case 4: no answer, all 0
        double log2of3 = Math.log(3) / Math.log(2);
        double ndcg1 = (1 + 2 / log2of3) / (2 + 1 / log2of3);
        assertEquals(0.859719, ndcg1, 1e-6);
        assertEquals(1, m.hits());
        assertEquals(0.25, m.hitAt1(), EPS);
        assertEquals((1 + 1.0 / 3 + 1 + 0) / 4, m.mrr(), EPS);
        assertEquals((ndcg1 + 0.5 + 1 + 0) / 4, m.ndcg(), EPS);
        // with k = 2 the z of case 2 falls outside the cut
        assertEquals((ndcg1 + 0 + 1 + 0) / 4, RankingMetrics.compute(expected, got, 2).ndcg(), EPS);
    }

    @Test
    void nearestRankPercentilesAsTheLatencyColumnsUseThem() {
        List<Double> hundred = new java.util.ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            hundred.add((double) i);
        }
        assertEquals(50, dev.nanoclassifier.bench.stats.Summary.percentile(hundred, 50), EPS);
        assertEquals(95, dev.nanoclassifier.bench.stats.Summary.percentile(hundred, 95), EPS);
        assertEquals(99, dev.nanoclassifier.bench.stats.Summary.percentile(hundred, 99), EPS);
        assertEquals(7, dev.nanoclassifier.bench.stats.Summary.percentile(List.of(7.0), 99), EPS);
        assertEquals(3, dev.nanoclassifier.bench.stats.Summary.percentile(List.of(1.0, 2.0, 3.0, 4.0), 75), EPS);
        assertTrue(Double.isNaN(dev.nanoclassifier.bench.stats.Summary.percentile(List.of(), 50)));
    }
}
