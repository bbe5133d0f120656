package dev.nanoclassifier.bench.lambda;

/** Shortening of bodies and log excerpts for messages. */
public final class Text {

    private Text() {
    }

    /** Whitespace collapsed, cut at 300 characters. */
    public static String abbreviate(String s) {
        if (s == null) return "null";
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
