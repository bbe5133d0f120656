package dev.nanoclassifier.bench.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        List<Double> xs = new ArrayList<>();
        for (int i = 100; i >= 1; i--) xs.add((double) i); // unsorted on purpose
        Summary s = Summary.of(xs);
        assertEquals(100, s.n());
        assertEquals(1, s.min());
        assertEquals(50, s.p50());
        assertEquals(90, s.p90());
        assertEquals(99, s.p99());
        assertEquals(100, s.max());
        assertEquals(50.5, s.mean(), 1e-9);
    }

    @Test
    void smallSamplesTakeTheNearestRankNotAnInterpolation() {
        // ceil(0.5 * 4) = 2nd smallest; ceil(0.99 * 4) = 4th
        Summary s = Summary.of(List.of(40.0, 10.0, 30.0, 20.0));
        assertEquals(20, s.p50());
        assertEquals(40, s.p99());
        assertEquals(7, Summary.of(List.of(7.0)).p99());
    }

    @Test
    void emptyIsNaNEverywhere() {
        Summary s = Summary.of(List.of());
        assertTrue(s.isEmpty());
        assertTrue(Double.isNaN(s.p50()));
        assertTrue(Double.isNaN(s.mean()));
        assertTrue(Double.isNaN(Summary.percentile(List.of(), 50)));
    }

    @Test
    void keepsSamplesOnlyUpToTheLimit() {
        List<Double> many = new ArrayList<>();
        for (int i = 0; i < Summary.MAX_SAMPLES + 1; i++) many.add(1.0);
        assertEquals(0, Summary.of(many).samples().size());
        assertEquals(3, Summary.of(List.of(1.0, 2.0, 3.0)).samples().size());
    }

    @Test
    void rejectsPercentilesOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> Summary.nearestRank(List.of(1.0), 101));
    }

    @Test
    void ratioIsNaNWithoutAPositiveBaseline() {
        assertEquals(2.0, Ratio.of(10, 5));
        assertTrue(Double.isNaN(Ratio.of(10, 0)));
        assertTrue(Double.isNaN(Ratio.of(Double.NaN, 5)));
        assertTrue(Double.isNaN(Ratio.of(10, Double.NaN)));
    }
}
