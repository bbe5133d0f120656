package dev.nanoclassifier.classifier.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns text into search terms: lower-cases it, splits it on anything that is not a letter or a
 * digit (Unicode aware), drops a small list of English stop words and reduces each remaining word
 * with a light, deterministic suffix stemmer.
 *
 * <p>The stemmer only has to map the usual variants of a word onto the same term ("charges",
 * "charged", "charging" and "charge" all become {@code charg}); the stems need not be real words.
 * In order it removes one plural ending ({@code -ies} → {@code -y}, {@code -es} after s/x/z/ch/sh,
 * {@code -s}), then one of {@code -ied} (→ {@code -y}), {@code -ing}, {@code -ed}, {@code -ly},
 * then a final {@code -e}, then collapses a final doubled consonant other than {@code ss}. A suffix
 * is only removed when at least three letters are left (four for {@code -ly}), so short words stay
 * as they are.
 *
 * <p>Immutable and therefore safe to share between threads.
 */
final class Tokenizer {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "being",
            "but", "by", "can", "could", "d", "did", "do", "does", "doing", "for", "from", "had",
            "has", "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is",
            "it", "its", "just", "ll", "m", "me", "my", "no", "not", "of", "on", "or", "our", "re",
            "s", "she", "so", "some", "t", "than", "that", "the", "their", "them", "then", "there",
            "these", "they", "this", "those", "to", "too", "us", "ve", "very", "was", "we", "were",
            "what", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your");

    private static final int MIN_STEM = 3;

    /** Returns the terms of {@code text} in order of appearance; an empty list for null or blank text. */
    List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        for (String word : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                terms.add(stem(word));
            }
        }
        return terms;
    }

    /** Reduces one lower-case word to its stem. */
    static String stem(String word) {
        String w = removePlural(word);
        w = removeInflection(w);
        if (w.length() > MIN_STEM && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > MIN_STEM && endsWithDoubledConsonant(w)) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String removePlural(String w) {
        if (w.endsWith("ies") && w.length() - 3 >= MIN_STEM) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("es") && w.length() - 2 >= MIN_STEM) {
            String stem = w.substring(0, w.length() - 2);
            if (stem.endsWith("s") || stem.endsWith("x") || stem.endsWith("z")
                    || stem.endsWith("ch") || stem.endsWith("sh")) {
                return stem;
            }
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
                && w.length() - 1 >= MIN_STEM) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String removeInflection(String w) {
        if (w.endsWith("ied") && w.length() - 3 >= MIN_STEM - 1) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ing") && w.length() - 3 >= MIN_STEM) {
            return w.substring(0, w.length() - 3);
        }
        if (w.endsWith("ed") && w.length() - 2 >= MIN_STEM) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("ly") && w.length() - 2 > MIN_STEM) { // keeps "apply", "reply"
            return w.substring(0, w.length() - 2);
        }
        return w;
    }

    private static boolean endsWithDoubledConsonant(String w) {
        char last = w.charAt(w.length() - 1);
        return last == w.charAt(w.length() - 2) && Character.isLetter(last) && "aeious".indexOf(last) < 0;
    }
}
