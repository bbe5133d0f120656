package dev.nanoclassifier.eval.data;

/** A line that could not be used, with the reason; it is skipped and counted. */
public record LineProblem(String dataset, int line, String message) {

    @Override
    public String toString() {
        return dataset + ".jsonl line " + line + ": " + message;
    }
}
