package dev.nanoclassifier.classifier.budget;

import java.util.ArrayList;
import java.util.List;

import dev.nanoclassifier.request.LabelSpec;

/**
 * Label descriptions and examples counted once each, and cut to a token budget from those counts:
 * examples go first (all examples of the last label first), then every description longer than its
 * even share is cut to it, keeping head and tail. The work is linear in the size of the label text;
 * recounting the whole label text after each step made 100 labels of 10 KB take seconds.
 */
final class LabelCut {

    private final List<LabelSpec> labels;
    private final int[] descriptionTokens;
    private final int[] exampleTokens;
    private final long total;

    private LabelCut(List<LabelSpec> labels, int[] descriptionTokens, int[] exampleTokens, long total) {
        this.labels = labels;
        this.descriptionTokens = descriptionTokens;
        this.exampleTokens = exampleTokens;
        this.total = total;
    }

    /** Counts every description and example; {@code checkpoint} runs before each label (a deadline check). */
    static LabelCut count(List<LabelSpec> labels, TokenCounter tokens, Runnable checkpoint) {
        int[] descriptionTokens = new int[labels.size()];
        int[] exampleTokens = new int[labels.size()];
        long total = 0;
        for (int i = 0; i < labels.size(); i++) {
            checkpoint.run();
            LabelSpec label = labels.get(i);
            descriptionTokens[i] = label.description() == null ? 0 : line(label.description(), tokens);
            for (String example : label.examples()) {
                exampleTokens[i] += line(example, tokens);
            }
            total += descriptionTokens[i] + exampleTokens[i];
        }
        return new LabelCut(labels, descriptionTokens, exampleTokens, total);
    }

    /** Tokens of all label text, as sent (one line per description and example). */
    int tokens() {
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /** The labels cut to {@code limit} tokens, and their tokens after the cut. */
    record Cut(List<LabelSpec> labels, int tokensAfter) {
    }

    Cut cutTo(int limit, TokenCounter tokens, Runnable checkpoint) {
        long left = total;
        List<LabelSpec> fitted = new ArrayList<>(labels);
        for (int i = fitted.size() - 1; i >= 0 && left > limit; i--) {
            LabelSpec label = fitted.get(i);
            if (!label.examples().isEmpty()) {
                fitted.set(i, new LabelSpec(label.name(), label.description(), List.of()));
                left -= exampleTokens[i];
            }
        }
        if (left > limit) {
            int share = Math.max(1, limit / fitted.size() - 1); // each line ends with a newline token
            for (int i = 0; i < fitted.size(); i++) {
                LabelSpec label = fitted.get(i);
                if (descriptionTokens[i] > share + 1) {
                    checkpoint.run();
                    String cut = tokens.keepHeadAndTail(label.description(), share);
                    fitted.set(i, new LabelSpec(label.name(), cut, List.of()));
                    left += line(cut, tokens) - descriptionTokens[i];
                }
            }
        }
        return new Cut(fitted, (int) Math.min(Integer.MAX_VALUE, left));
    }

    private static int line(String text, TokenCounter tokens) {
        return tokens.count(text) + 1;
    }
}
