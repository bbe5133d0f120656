package dev.nanoclassifier.classifier.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Counts checked against o200k_base values published with tiktoken. */
class TokenCounterTest {

    private final TokenCounter tokens = new TokenCounter();

    @Test
    void countsKnownO200kStrings() {
        assertEquals(2, tokens.count("hello world"));
        assertEquals(4, tokens.count("Hello, world!"));
        assertEquals(6, tokens.count("tiktoken is great!"));
        assertEquals(0, tokens.count(""));
    }

    @Test
    void fitsWithoutCountingWhenTheTextIsShortAndCountsWhenItMust() {
        assertTrue(tokens.fits("short text", 100));
        String words = "word ".repeat(3000);
        assertTrue(tokens.fits(words, 3001), "3000 repeated words are about 3000 tokens");
        assertFalse(tokens.fits(words, 2000));
    }

    @Test
    void truncationKeepsHeadAndTailMarksTheCutAndStaysWithinBudget() {
        String text = IntStream.range(0, 5000).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));

        String cut = tokens.keepHeadAndTail(text, 500);

        assertTrue(tokens.count(cut) <= 500, "cut text has " + tokens.count(cut) + " tokens");
        assertTrue(tokens.count(cut) > 450, "the budget is used, not wasted");
        assertTrue(cut.startsWith("w0 w1 w2 w3"), "head kept");
        assertTrue(cut.endsWith("w4997 w4998 w4999"), "tail kept");
        assertTrue(cut.contains("middle cut to fit the budget"), "the cut is marked");
    }

    @Test
    void textWithinBudgetIsUntouched() {
        assertEquals("hello world", tokens.keepHeadAndTail("hello world", 10));
    }
}
