package dev.nanoclassifier.classifier.budget;

import java.util.ArrayList;
import java.util.List;

import dev.nanoclassifier.request.LabelSpec;

/**
 * Cuts label descriptions and examples to a token budget, each text counted once: examples go
 * first (all examples of the last label first), then every description longer than its even
 * share is cut to it, keeping head and tail. The work is linear in the size of the label text.
 * Recounting the whole label text after each step made 100 labels of 10 KB take seconds.
 */
final class LabelCut {

    /** The labels as they will be sent, with the label text's tokens before and after. */
    record Result(List<LabelSpec> labels, int tokensBefore, int tokensAfter) {
    }

    private final TokenCounter tokens;

    LabelCut(TokenCounter tokens) {
        this.tokens = tokens;
    }

    /** {@code checkpoint} runs before each label's text is counted or cut (a deadline check). */
    Result fit(List<LabelSpec> labels, int limit, Runnable checkpoint) {
        int count = labels.size();
        int[] descriptionTokens = new int[count];
        int[] exampleTokens = new int[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            checkpoint.run();
            LabelSpec label = labels.get(i);
            descriptionTokens[i] = label.description() == null ? 0 : countLine(label.description());
            for (String example : label.examples()) {
                exampleTokens[i] += countLine(example);
            }
            total += descriptionTokens[i] + exampleTokens[i];
        }
        int before = (int) Math.min(Integer.MAX_VALUE, total);
        List<LabelSpec> fitted = new ArrayList<>(labels);
        for (int i = count - 1; i >= 0 && total > limit; i--) {
            LabelSpec label = fitted.get(i);
            if (!label.examples().isEmpty()) {
                fitted.set(i, new LabelSpec(label.name(), label.description(), List.of()));
                total -= exampleTokens[i];
            }
        }
        if (total > limit) {
            int share = Math.max(1, limit / count - 1); // each line ends with a newline token
            for (int i = 0; i < count; i++) {
                LabelSpec label = fitted.get(i);
                if (descriptionTokens[i] > share) {
                    checkpoint.run();
                    String cut = tokens.keepHeadAndTail(label.description(), share);
                    fitted.set(i, new LabelSpec(label.name(), cut, List.of()));
                    total += countLine(cut) - descriptionTokens[i];
                }
            }
        }
        return new Result(fitted, before, (int) Math.min(Integer.MAX_VALUE, total));
    }

    /** Tokens of a text as it is sent: one line of the label text. */
    private int countLine(String text) {
        return tokens.count(text) + 1;
    }
}
