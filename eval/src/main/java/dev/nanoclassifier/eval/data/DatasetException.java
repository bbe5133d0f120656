package dev.nanoclassifier.eval.data;

import java.util.List;

/** The data cannot be evaluated as it is (e.g. an expected label outside the label set); nothing was called. */
public class DatasetException extends Exception {

    private final List<String> problems;

    public DatasetException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
