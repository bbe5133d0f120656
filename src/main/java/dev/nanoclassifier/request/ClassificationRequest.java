package dev.nanoclassifier.request;

import java.util.List;

/**
 * One validated unit of work: a classification or a ranking, ready for the classifier.
 * Built only by {@link RequestParser}, so every instance is valid.
 */
public sealed interface ClassificationRequest permits ClassificationRequest.Classify, ClassificationRequest.Rank {

    /** The caller's correlation id, echoed in the response; may be null. */
    String id();

    Task task();

    FallbackMode fallback();

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
