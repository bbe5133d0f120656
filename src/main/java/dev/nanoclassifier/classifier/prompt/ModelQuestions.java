package dev.nanoclassifier.classifier.prompt;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.classifier.model.ModelQuestion;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.request.ClassificationRequest;

/**
 * Turns a request into the question every model of the chain is asked: the prompt, the strict
 * schema of the answer, the completion-token allowance and the validator of that kind of request.
 */
public final class ModelQuestions {

    private ModelQuestions() {
    }

    public static ModelQuestion of(ClassificationRequest request, ClassifierConfig config, ObjectMapper mapper) {
        String effort = "omit".equals(config.reasoningEffort()) ? null : config.reasoningEffort();
        return request.match(classify -> {
            int maxTokens = config.maxCompletionTokens() + (classify.multiLabel() ? 8 * classify.labels().size() : 0);
            return new ModelQuestion(PromptBuilder.classify(classify),
                    SchemaBuilder.classification(classify.labelNames(), classify.multiLabel()), effort, maxTokens,
                    AnswerValidator.labels(mapper, classify.labelNames(), classify.multiLabel()));
        }, rank -> new ModelQuestion(PromptBuilder.rank(rank), SchemaBuilder.ranking(rank.candidateIds()), effort,
                config.maxCompletionTokens() + 8 * rank.candidates().size(),
                AnswerValidator.ranking(mapper, rank.candidateIds(), rank.topK())));
    }
}
