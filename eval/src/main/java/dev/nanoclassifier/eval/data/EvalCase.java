package dev.nanoclassifier.eval.data;

import java.util.List;
import java.util.Map;

/**
 * One line of a data file: the request exactly as the function accepts it, and the expected answer.
 *
 * @param dataset  the data file's name without {@code .jsonl}
 * @param line     1-based line number in that file
 * @param key      stable identity of the case (dataset and a hash of the line), used to resume a run
 * @param kind     how the answer is scored
 * @param request  the request sent (the line without {@code expected})
 * @param expected the expected label, labels, or relevant candidate ids in order
 * @param choices  the labels (or candidate ids) the answer can take; null when not known here
 * @param text     the input (or query) text, for the report of wrong cases
 */
public record EvalCase(String dataset, int line, String key, Kind kind, Map<String, Object> request,
        List<String> expected, List<String> choices, String text) {

    /** The API Gateway path of the request: {@code classify} or {@code rank}. */
    public String task() {
        return kind == Kind.RANK ? "rank" : "classify";
    }

    /** The first {@code n} characters of the text, on one line. */
    public String textPrefix(int n) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= n ? oneLine : oneLine.substring(0, n) + "…";
    }
}
