package dev.nanoclassifier.classifier.prompt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import dev.nanoclassifier.classifier.budget.TokenCounter;

/**
 * The output-token limit of a model call: the o200k tokens of the longest answer the response
 * schema allows, plus a fixed headroom (whitespace variants, and reasoning tokens when a reasoning
 * effort other than {@code none} is sent). The answer is measured as a model may write it at its
 * most verbose (pretty-printed, one item per line), so that a correct answer is never cut off by
 * {@code finish_reason: "length"}. Strict mode writes strings as UTF-8 text, so that is what is counted.
 *
 * <p>A token is at least one UTF-8 byte, so an answer of at most {@value #BYTES_COUNTED_AS_TOKENS}
 * bytes is bounded by its byte count without loading the o200k table: ordinary requests (short
 * labels, candidate handles) keep the cold start free of it, and only long answers are counted.
 */
public final class OutputLimit {

    static final int BYTES_COUNTED_AS_TOKENS = 1024;

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
        String byBytes = wrap(SchemaBuilder.LABEL, json(longest(labels, 1, OutputLimit::utf8Length).get(0)));
        if (utf8Length(byBytes) <= BYTES_COUNTED_AS_TOKENS) {
            return utf8Length(byBytes) + headroom;
        }
        String byTokens = wrap(SchemaBuilder.LABEL, json(longest(labels, 1, tokens::count).get(0)));
        return tokens.count(byTokens) + headroom;
    }

    private static int longestArray(TokenCounter tokens, String property, List<String> values, int count) {
        int items = Math.min(count, values.size());
        String byBytes = array(property, longest(values, items, OutputLimit::utf8Length));
        if (utf8Length(byBytes) <= BYTES_COUNTED_AS_TOKENS) {
            return utf8Length(byBytes);
        }
        return tokens.count(array(property, longest(values, items, tokens::count)));
    }

    private static String array(String property, List<String> chosen) {
        StringBuilder array = new StringBuilder("[\n");
        for (int i = 0; i < chosen.size(); i++) {
            array.append("    ").append(json(chosen.get(i))).append(i + 1 < chosen.size() ? ",\n" : "\n");
        }
        array.append("  ]");
        return wrap(property, array.toString());
    }

    private static String wrap(String property, String value) {
        return "{\n  \"" + property + "\": " + value + "\n}";
    }

    /** The {@code count} values whose JSON strings measure the most, each measured once. */
    private static List<String> longest(List<String> values, int count, ToIntFunction<String> measure) {
        List<Map.Entry<String, Integer>> measured = new ArrayList<>(values.size());
        for (String value : values) {
            measured.add(Map.entry(value, measure.applyAsInt(json(value))));
        }
        measured.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(measured.get(i).getKey());
        }
        return chosen;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
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
