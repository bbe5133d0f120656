package dev.nanoclassifier.classifier.budget;

import jakarta.inject.Singleton;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * Counts and cuts text in o200k_base tokens (the encoding of the gpt-5 family). The encoding's
 * rank table is loaded once per execution environment, the first time a text is too long to be
 * known to fit without counting: a token is at least one UTF-8 byte, and a UTF-16 char at most
 * three bytes, so short texts never pay for it.
 */
@Singleton
public class TokenCounter {

    private volatile Encoding encoding;

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding().countTokens(text);
    }

    /** True when {@code text} has at most {@code budget} tokens, counting only when it must. */
    public boolean fits(String text, int budget) {
        return fitsUncounted(text, budget) || count(text) <= budget;
    }

    /** True when {@code text} is short enough to be known to fit {@code budget} without counting. */
    public boolean fitsUncounted(String text, int budget) {
        return text == null || (long) text.length() * 3 <= budget;
    }

    /**
     * Keeps the first and last tokens of {@code text} so that the result, marker included, has at
     * most {@code budget} tokens; the middle is replaced by a visible marker.
     */
    public String keepHeadAndTail(String text, int budget) {
        IntArrayList tokens = encoding().encode(text);
        if (tokens.size() <= budget) {
            return text;
        }
        String marker = "\n[... " + tokens.size() + " tokens, middle cut to fit the budget ...]\n";
        int room = Math.max(0, budget - count(marker) - 2);
        int head = (room + 1) / 2;
        int tail = room - head;
        String result = decode(tokens, 0, head) + marker + decode(tokens, tokens.size() - tail, tokens.size());
        // Decoding a cut between the bytes of one character can re-encode longer: trim until it fits.
        while (count(result) > budget && head + tail > 0) {
            if (head >= tail) {
                head--;
            } else {
                tail--;
            }
            result = decode(tokens, 0, head) + marker + decode(tokens, tokens.size() - tail, tokens.size());
        }
        return result;
    }

    private String decode(IntArrayList tokens, int from, int to) {
        IntArrayList slice = new IntArrayList(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            slice.add(tokens.get(i));
        }
        return encoding().decode(slice);
    }

    private Encoding encoding() {
        Encoding loaded = encoding;
        if (loaded == null) {
            synchronized (this) {
                loaded = encoding;
                if (loaded == null) {
                    loaded = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
                    encoding = loaded;
                }
            }
        }
        return loaded;
    }
}
