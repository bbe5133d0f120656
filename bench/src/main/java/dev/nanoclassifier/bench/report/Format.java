package dev.nanoclassifier.bench.report;

import java.util.Locale;

/** Number formatting for the report: "–" for a missing value. */
public final class Format {

    private Format() {
    }

    /** Whole numbers from 100 up, one decimal from 10, two below. */
    public static String num(double d) {
        if (Double.isNaN(d)) return "–";
        double a = Math.abs(d);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, f, d);
    }

    public static String ratio(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, " (%.2f×)", d);
    }
}
