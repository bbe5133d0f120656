package dev.nanoclassifier.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.nanoclassifier.result.ClassificationResult;

/** The answer cache's size bound (least recently used first out) and time to live, on a fake clock. */
class AnswerCacheTest {

    private final AtomicLong now = new AtomicLong();

    private static ClassificationResult answer(String label) {
        return ClassificationResult.classified("r", null, List.of(label), "m", null, List.of(), null, List.of());
    }

    @Test
    void keepsAnAnswerForItsTimeToLiveAndNotAfter() {
        AnswerCache cache = new AnswerCache(10, Duration.ofSeconds(60), now::get);
        ClassificationResult billing = answer("billing");
        cache.put("k", billing);

        now.set(Duration.ofSeconds(59).toNanos());
        assertSame(billing, cache.get("k"));

        now.set(Duration.ofSeconds(60).toNanos());
        assertNull(cache.get("k"));
        assertEquals(0, cache.size(), "an expired answer is dropped when it is found expired");
    }

    @Test
    void dropsTheLeastRecentlyUsedAnswerWhenFull() {
        AnswerCache cache = new AnswerCache(2, Duration.ofMinutes(10), now::get);
        cache.put("a", answer("a"));
        cache.put("b", answer("b"));
        cache.get("a"); // a is now the most recently used

        cache.put("c", answer("c"));

        assertNull(cache.get("b"));
        assertEquals("a", cache.get("a").label());
        assertEquals("c", cache.get("c").label());
        assertEquals(2, cache.size());
    }

    @Test
    void aRewrittenAnswerStartsItsTimeToLiveAgain() {
        AnswerCache cache = new AnswerCache(10, Duration.ofSeconds(60), now::get);
        cache.put("k", answer("old"));
        now.set(Duration.ofSeconds(50).toNanos());
        cache.put("k", answer("new"));

        now.set(Duration.ofSeconds(100).toNanos());
        assertEquals("new", cache.get("k").label());
    }

    @Test
    void sizeZeroKeepsNothingAndANegativeSizeIsRefusedByName() {
        AnswerCache none = new AnswerCache(0, Duration.ofMinutes(10), now::get);
        none.put("k", answer("x"));
        assertNull(none.get("k"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new AnswerCache(-1, Duration.ofMinutes(10), now::get));
        assertEquals("classifier.cache.max-size must not be negative, was -1", refused.getMessage());
    }
}
