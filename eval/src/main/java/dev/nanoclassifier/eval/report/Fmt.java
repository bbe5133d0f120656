package dev.nanoclassifier.eval.report;

import java.util.Locale;

/** Number formats shared by the Markdown and HTML reports. */
final class Fmt {

    private Fmt() {
    }

    static String ratio(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String signed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.3f", v);
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "–" : v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String usd(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == 0) {
            return "$0";
        }
        if (v >= 1) {
            return String.format(Locale.ROOT, "$%.2f", v);
        }
        // three significant digits, never in scientific notation: $0.0302, $0.0000908
        return "$" + new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String p(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
