package dev.nanoclassifier.classifier.budget;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.request.Candidate;
import dev.nanoclassifier.request.ClassificationRequest;
import dev.nanoclassifier.request.LabelSpec;
import dev.nanoclassifier.result.Truncation;

/**
 * Keeps what is sent to the model within the configured token budgets: the text to classify (or
 * the query), the label descriptions and examples, and the rank candidates each have their own.
 * Over budget, {@code truncate} keeps head and tail and marks the cut; {@code reject} refuses the
 * request naming the field, the tokens sent and the budget.
 */
@Singleton
public class ContextBudget {

    private final TokenCounter tokens;
    private final ClassifierConfig.Budget budget;

    public ContextBudget(TokenCounter tokens, ClassifierConfig config) {
        this.tokens = tokens;
        this.budget = config.budget();
    }

    /** The request as it will be sent, and what was cut. */
    public record Fitted(ClassificationRequest request, List<Truncation> truncations) {
    }

    public Fitted fit(ClassificationRequest request) {
        List<Truncation> cuts = new ArrayList<>();
        ClassificationRequest fitted = request.match(
                classify -> fitLabels(classify.withInput(fitText(classify.input(), "input", budget.inputTokens(), cuts)), cuts),
                rank -> fitCandidates(rank.withQuery(fitText(rank.query(), "query", budget.inputTokens(), cuts)), cuts));
        return new Fitted(fitted, List.copyOf(cuts));
    }

    private String fitText(String text, String field, int limit, List<Truncation> cuts) {
        if (tokens.fits(text, limit)) {
            return text;
        }
        int before = tokens.count(text);
        if (budget.policy() == ClassifierConfig.BudgetPolicy.REJECT) {
            throw new OverBudgetException(field, before, limit);
        }
        String cut = tokens.keepHeadAndTail(text, limit);
        cuts.add(new Truncation(field, before, tokens.count(cut)));
        return cut;
    }

    private ClassificationRequest.Classify fitLabels(ClassificationRequest.Classify request, List<Truncation> cuts) {
        int limit = budget.labelTokens();
        String all = labelText(request.labels());
        if (tokens.fits(all, limit)) {
            return request;
        }
        int before = tokens.count(all);
        if (budget.policy() == ClassifierConfig.BudgetPolicy.REJECT) {
            throw new OverBudgetException("labels", before, limit);
        }
        // Examples go first (last example of the last label first), then descriptions are cut evenly.
        List<LabelSpec> labels = new ArrayList<>(request.labels());
        for (int i = labels.size() - 1; i >= 0 && tokens.count(labelText(labels)) > limit; i--) {
            LabelSpec label = labels.get(i);
            labels.set(i, new LabelSpec(label.name(), label.description(), List.of()));
        }
        if (tokens.count(labelText(labels)) > limit) {
            int share = Math.max(1, limit / labels.size());
            labels.replaceAll(label -> label.description() == null ? label
                    : new LabelSpec(label.name(), tokens.keepHeadAndTail(label.description(), share), List.of()));
        }
        cuts.add(new Truncation("labels", before, tokens.count(labelText(labels))));
        return request.withLabels(labels);
    }

    private ClassificationRequest.Rank fitCandidates(ClassificationRequest.Rank request, List<Truncation> cuts) {
        int limit = budget.candidateTokens();
        List<Candidate> candidates = request.candidates();
        String all = String.join("\n", candidates.stream().map(Candidate::text).toList());
        if (tokens.fits(all, limit)) {
            return request;
        }
        int before = tokens.count(all);
        if (budget.policy() == ClassifierConfig.BudgetPolicy.REJECT) {
            throw new OverBudgetException("candidates", before, limit);
        }
        int share = Math.max(1, limit / candidates.size());
        List<Candidate> fitted = candidates.stream()
                .map(c -> tokens.fits(c.text(), share) ? c : new Candidate(c.id(), tokens.keepHeadAndTail(c.text(), share)))
                .toList();
        cuts.add(new Truncation("candidates", before,
                tokens.count(String.join("\n", fitted.stream().map(Candidate::text).toList()))));
        return request.withCandidates(fitted);
    }

    private static String labelText(List<LabelSpec> labels) {
        StringBuilder text = new StringBuilder();
        for (LabelSpec label : labels) {
            if (label.description() != null) {
                text.append(label.description()).append('\n');
            }
            label.examples().forEach(example -> text.append(example).append('\n'));
        }
        return text.toString();
    }
}
