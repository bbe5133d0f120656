package dev.nanoclassifier.classifier.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.nanoclassifier.request.Candidate;
import dev.nanoclassifier.request.LabelSpec;

/**
 * Embedded offline classifier and ranker, used when no model is available. It is purely lexical:
 * BM25 (k1 = 1.2, b = 0.75) over the terms produced by {@link Tokenizer}, so it only "understands"
 * the words that literally appear in the labels or candidates (after light stemming).
 *
 * <h2>Classification</h2>
 * Each label becomes one document made of its name (split on {@code -} and {@code _}, counted
 * {@value #NAME_WEIGHT} times), its description and its examples. The input is scored against these
 * documents, with the IDF computed over the label documents of the call. The best label is the one
 * with the highest score.
 * <p><b>Tie rule:</b> when several labels share the highest score — which includes the case where
 * nothing matches and every score is zero — the label named {@code other} wins if it is among them,
 * otherwise the tied label that comes first in the given order.
 * <p>For multi-label classification the answer is the best label followed by every other label whose
 * score is above zero and at least {@value #MULTI_LABEL_RATIO} × the best score, in decreasing score
 * order (ties in the given order). It always holds at least one label.
 *
 * <h2>Ranking</h2>
 * Each candidate's text is a document (IDF over the candidates of the call); candidates are ordered
 * by decreasing score against the query, ties keep their original order.
 *
 * <p>Stateless and thread-safe; no reflection, so it works unchanged in a native image.
 */
public final class LexicalClassifier {

    static final int NAME_WEIGHT = 2;
    static final double MULTI_LABEL_RATIO = 0.8;
    static final String FALLBACK_LABEL = "other";

    /** Relative tolerance under which two scores count as a tie. */
    private static final double TIE_TOLERANCE = 1e-9;

    private final Tokenizer tokenizer = new Tokenizer();

    /**
     * Chooses the label(s) for {@code input}, best first: exactly one when {@code multiLabel} is
     * false, one or more otherwise. See the class documentation for the scoring and tie rules.
     *
     * @throws IllegalArgumentException if {@code labels} is null or empty
     */
    public List<String> classify(String input, List<LabelSpec> labels, boolean multiLabel) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("at least one label is required");
        }
        List<List<String>> documents = new ArrayList<>(labels.size());
        for (LabelSpec label : labels) {
            documents.add(labelTerms(label));
        }
        double[] scores = new Bm25(documents).scores(tokenizer.terms(input));

        int best = bestIndex(labels, scores);
        List<String> chosen = new ArrayList<>();
        chosen.add(labels.get(best).name());
        if (!multiLabel || scores[best] <= 0) {
            return chosen;
        }
        double threshold = MULTI_LABEL_RATIO * scores[best];
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (i != best && scores[i] > 0 && scores[i] >= threshold - tolerance(threshold)) {
                others.add(i);
            }
        }
        others.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed()); // stable
        for (int i : others) {
            chosen.add(labels.get(i).name());
        }
        return chosen;
    }

    /** Returns every candidate id, best match for {@code query} first; ties keep the given order. */
    public List<String> rank(String query, List<Candidate> candidates) {
        if (candidates == null || candidates.isEmpty()) {
            return List.of();
        }
        List<List<String>> documents = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            documents.add(tokenizer.terms(candidate.text()));
        }
        double[] scores = new Bm25(documents).scores(tokenizer.terms(query));

        List<Integer> order = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed()); // stable
        List<String> ids = new ArrayList<>(order.size());
        for (int i : order) {
            ids.add(candidates.get(i).id());
        }
        return ids;
    }

    private List<String> labelTerms(LabelSpec label) {
        List<String> terms = new ArrayList<>();
        List<String> nameTerms = tokenizer.terms(label.name()); // "-" and "_" separate words too
        for (int i = 0; i < NAME_WEIGHT; i++) {
            terms.addAll(nameTerms);
        }
        terms.addAll(tokenizer.terms(label.description()));
        for (String example : label.examples()) {
            terms.addAll(tokenizer.terms(example));
        }
        return terms;
    }

    /** Highest score; ties go to {@value #FALLBACK_LABEL} if tied, else to the first tied label. */
    private static int bestIndex(List<LabelSpec> labels, double[] scores) {
        double max = 0;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        int best = -1;
        for (int i = 0; i < labels.size(); i++) {
            if (scores[i] >= max - tolerance(max)) {
                if (FALLBACK_LABEL.equals(labels.get(i).name())) {
                    return i;
                }
                if (best < 0) {
                    best = i;
                }
            }
        }
        return best;
    }

    private static double tolerance(double score) {
        return Math.abs(score) * TIE_TOLERANCE;
    }
}
