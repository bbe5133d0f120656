package dev.nanoclassifier.request;

import java.util.List;
import java.util.function.Function;

/**
 * One validated unit of work: a classification or a ranking, ready for the classifier.
 * Built only by {@link RequestParser}, so every instance is valid.
 *
 * <p>Code that behaves differently per kind goes through {@link #match}, which takes one function
 * per kind: a new kind adds a parameter, and the compiler then finds every place that must handle
 * it (Java 17 has no pattern matching for switch over sealed types).
 */
public sealed interface ClassificationRequest permits ClassificationRequest.Classify, ClassificationRequest.Rank {

    /** The caller's correlation id, echoed in the response; may be null. */
    String id();

    Task task();

    FallbackMode fallback();

    /** The caller's text the request is about: the input to classify, or the ranking query. */
    String text();

    /** The result of the function for this request's kind. */
    <R> R match(Function<? super Classify, ? extends R> classify, Function<? super Rank, ? extends R> rank);

    /** Classify {@code input} into one (or, with multiLabel, several) of {@code labels}. */
    record Classify(String id, String classifier, String input, List<LabelSpec> labels, String instructions,
            boolean multiLabel, FallbackMode fallback) implements ClassificationRequest {

        public Classify {
            labels = List.copyOf(labels);
        }

        @Override
        public Task task() {
            return Task.CLASSIFY;
        }

        @Override
        public String text() {
            return input;
        }

        @Override
        public <R> R match(Function<? super Classify, ? extends R> classify, Function<? super Rank, ? extends R> rank) {
            return classify.apply(this);
        }

        public List<String> labelNames() {
            return labels.stream().map(LabelSpec::name).toList();
        }

        public Classify withInput(String newInput) {
            return new Classify(id, classifier, newInput, labels, instructions, multiLabel, fallback);
        }

        public Classify withLabels(List<LabelSpec> newLabels) {
            return new Classify(id, classifier, input, newLabels, instructions, multiLabel, fallback);
        }
    }

    /** Order {@code candidates} by relevance to {@code query}, best first, keeping {@code topK}. */
    record Rank(String id, String query, List<Candidate> candidates, int topK, FallbackMode fallback)
            implements ClassificationRequest {

        public Rank {
            candidates = List.copyOf(candidates);
        }

        @Override
        public Task task() {
            return Task.RANK;
        }

        @Override
        public String text() {
            return query;
        }

        @Override
        public <R> R match(Function<? super Classify, ? extends R> classify, Function<? super Rank, ? extends R> rank) {
            return rank.apply(this);
        }

        public List<String> candidateIds() {
            return candidates.stream().map(Candidate::id).toList();
        }

        public Rank withQuery(String newQuery) {
            return new Rank(id, newQuery, candidates, topK, fallback);
        }

        public Rank withCandidates(List<Candidate> newCandidates) {
            return new Rank(id, query, newCandidates, topK, fallback);
        }
    }
}
