package dev.nanoclassifier.eval.data;

import java.util.List;

/** The usable cases of one data file and the lines that were skipped. */
public record Dataset(String name, String path, List<EvalCase> cases, List<LineProblem> skipped, List<String> warnings) {
}
