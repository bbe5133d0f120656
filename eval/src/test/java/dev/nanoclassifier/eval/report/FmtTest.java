package dev.nanoclassifier.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FmtTest {

    @Test
    void dollarsKeepThreeSignificantDigitsWithoutScientificNotation() {
        assertEquals("$0", Fmt.usd(0));
        assertEquals("$0.0000908", Fmt.usd(0.0000908));
        assertEquals("$0.0302", Fmt.usd(0.03025 - 0.00005));
        assertEquals("$0.01", Fmt.usd(0.01));
        assertEquals("$12.50", Fmt.usd(12.5));
        assertEquals("–", Fmt.usd(Double.NaN));
    }

    @Test
    void ratiosAndDifferences() {
        assertEquals("0.800", Fmt.ratio(0.8));
        assertEquals("+0.125", Fmt.signed(0.125));
        assertEquals("-0.600", Fmt.signed(-0.6));
        assertEquals("<0.001", Fmt.p(1.5e-8));
        assertEquals("12.5%", Fmt.percent(0.125));
    }
}
