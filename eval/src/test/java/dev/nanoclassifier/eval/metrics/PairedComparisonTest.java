package dev.nanoclassifier.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    /** 100 cases: 40 both right, 40 both wrong, 15 only B right, 5 only A right. */
    private static boolean[][] knownCase() {
        boolean[] a = new boolean[100];
        boolean[] b = new boolean[100];
        for (int i = 0; i < 100; i++) {
            if (i < 40) {
                a[i] = b[i] = true;
            } else if (i < 55) {
                b[i] = true;
            } else if (i < 60) {
                a[i] = true;
            }
        }
        return new boolean[][] { a, b };
    }

    @Test
    void bootstrapIntervalMatchesThePairedNormalApproximation() {
        boolean[][] p = knownCase();
        PairedComparison c = PairedComparison.compare(p[0], p[1], 20_000, 7);
        assertEquals(100, c.n());
        assertEquals(0.10, c.diff(), 1e-12);
        assertEquals(15, c.bOnly());
        assertEquals(5, c.aOnly());
        // Paired difference of proportions: var = (b + c)/n² − (b − c)²/n³ = 0.002 − 0.0001 = 0.0019,
        // se = 0.043589; 95 % CI = 0.10 ± 1.96 · se = [0.01457, 0.18543]. The bootstrap on a grid of
        // 1/100 lands within about one step of it.
        assertEquals(0.0146, c.ciLow(), 0.012);
        assertEquals(0.1854, c.ciHigh(), 0.012);
        assertTrue(c.significant());
    }

    @Test
    void mcNemarExactPValue() {
        // 2 · P(X ≤ 5), X ~ Bin(20, 1/2): (1 + 20 + 190 + 1140 + 4845 + 15504) / 2^20 = 21700 / 1048576; × 2
        assertEquals(2 * 21700.0 / 1048576, PairedComparison.mcNemarExact(15, 5), 1e-12);
        assertEquals(2 * 21700.0 / 1048576, PairedComparison.compare(knownCase()[0], knownCase()[1], 100, 1).pValue(), 1e-12);
        assertEquals(1.0, PairedComparison.mcNemarExact(0, 0), 0);
        assertEquals(1.0, PairedComparison.mcNemarExact(3, 3), 0);
        // one discordant case: 2 · 1/2 = 1
        assertEquals(1.0, PairedComparison.mcNemarExact(1, 0), 0);
        // 10 to 0: 2 / 1024
        assertEquals(2.0 / 1024, PairedComparison.mcNemarExact(10, 0), 1e-15);
    }

    @Test
    void sameSeedSameIntervalAndIdenticalResultsGiveZero() {
        boolean[][] p = knownCase();
        PairedComparison x = PairedComparison.compare(p[0], p[1], 5000, 42);
        PairedComparison y = PairedComparison.compare(p[0], p[1], 5000, 42);
        assertEquals(x.ciLow(), y.ciLow(), 0);
        assertEquals(x.ciHigh(), y.ciHigh(), 0);

        PairedComparison same = PairedComparison.compare(p[0], p[0], 5000, 42);
        assertEquals(0, same.diff(), 0);
        assertEquals(0, same.ciLow(), 0);
        assertEquals(0, same.ciHigh(), 0);
        assertFalse(same.significant());
    }
}
