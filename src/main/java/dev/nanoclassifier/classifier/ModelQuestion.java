package dev.nanoclassifier.classifier;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.classifier.model.AnswerReader;
import dev.nanoclassifier.classifier.model.ChatCompletionRequest;
import dev.nanoclassifier.classifier.model.ChatCompletionRequest.Message;
import dev.nanoclassifier.classifier.model.ChatCompletionRequest.ResponseFormat;
import dev.nanoclassifier.classifier.prompt.AnswerValidator;
import dev.nanoclassifier.classifier.prompt.PromptBuilder;
import dev.nanoclassifier.classifier.prompt.SchemaBuilder;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.request.ClassificationRequest;

/**
 * What every model of the chain is asked for one request: the same messages and strict schema,
 * only the model name changes, and how the answer is checked.
 */
public record ModelQuestion(List<Message> messages, ResponseFormat format, String reasoningEffort, int maxCompletionTokens,
        AnswerReader<List<String>> reader) {

    public static ModelQuestion of(ClassificationRequest request, ClassifierConfig config, ObjectMapper mapper) {
        String effort = "omit".equals(config.reasoningEffort()) ? null : config.reasoningEffort();
        if (request instanceof ClassificationRequest.Classify classify) {
            int maxTokens = config.maxCompletionTokens() + (classify.multiLabel() ? 8 * classify.labels().size() : 0);
            return new ModelQuestion(PromptBuilder.classify(classify),
                    SchemaBuilder.classification(classify.labelNames(), classify.multiLabel()), effort, maxTokens,
                    AnswerValidator.labels(mapper, classify.labelNames(), classify.multiLabel()));
        }
        ClassificationRequest.Rank rank = (ClassificationRequest.Rank) request;
        return new ModelQuestion(PromptBuilder.rank(rank), SchemaBuilder.ranking(rank.candidateIds()), effort,
                config.maxCompletionTokens() + 8 * rank.candidates().size(),
                AnswerValidator.ranking(mapper, rank.candidateIds(), rank.topK()));
    }

    public ChatCompletionRequest forModel(String model) {
        return new ChatCompletionRequest(model, messages, format, reasoningEffort, maxCompletionTokens);
    }
}
