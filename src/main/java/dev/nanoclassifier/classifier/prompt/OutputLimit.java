package dev.nanoclassifier.classifier.prompt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.nanoclassifier.classifier.budget.TokenCounter;

/**
 * The output-token limit of a model call: the o200k tokens of the longest answer the response
 * schema allows, plus a fixed headroom (whitespace variants, and reasoning tokens when a reasoning
 * effort other than {@code none} is sent). The answer is measured as a model may write it at its
 * most verbose (pretty-printed, one item per line), so that a correct answer is never cut off by
 * {@code finish_reason: "length"}. Strict mode writes strings as UTF-8 text, so that is what is counted.
 */
public final class OutputLimit {

    private OutputLimit() {
    }

    /** A ranking of {@code count} handles: the {@code count} longest of them. */
    public static int ranking(TokenCounter tokens, List<String> handles, int count, int headroom) {
        return longestArray(tokens, SchemaBuilder.RANKING, handles, count) + headroom;
    }

    /** One label (the longest) or, for multi-label, every label. */
    public static int labels(TokenCounter tokens, List<String> labels, boolean multiLabel, int headroom) {
        if (multiLabel) {
            return longestArray(tokens, SchemaBuilder.LABELS, labels, labels.size()) + headroom;
        }
        String longest = longest(tokens, labels, 1).get(0);
        return tokens.count(wrap(SchemaBuilder.LABEL, json(longest))) + headroom;
    }

    private static int longestArray(TokenCounter tokens, String property, List<String> values, int count) {
        List<String> chosen = longest(tokens, values, Math.min(count, values.size()));
        StringBuilder array = new StringBuilder("[\n");
        for (int i = 0; i < chosen.size(); i++) {
            array.append("    ").append(json(chosen.get(i))).append(i + 1 < chosen.size() ? ",\n" : "\n");
        }
        array.append("  ]");
        return tokens.count(wrap(property, array.toString()));
    }

    private static String wrap(String property, String value) {
        return "{\n  \"" + property + "\": " + value + "\n}";
    }

    /** The {@code count} values that cost the most tokens as JSON strings. */
    private static List<String> longest(TokenCounter tokens, List<String> values, int count) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt((String value) -> tokens.count(json(value))).reversed());
        return sorted.subList(0, count);
    }

    /** {@code value} as a JSON string, escaped as JSON requires. */
    static String json(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
