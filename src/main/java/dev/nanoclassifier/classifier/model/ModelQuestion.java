package dev.nanoclassifier.classifier.model;

import java.util.List;

import dev.nanoclassifier.classifier.model.ChatCompletionRequest.Message;
import dev.nanoclassifier.classifier.model.ChatCompletionRequest.ResponseFormat;

/**
 * What every model of the chain is asked for one request: the same messages and strict schema,
 * only the model name changes, and how the answer is checked. Built from a request by
 * {@code classifier.prompt.ModelQuestions}.
 */
public record ModelQuestion(List<Message> messages, ResponseFormat format, String reasoningEffort, int maxCompletionTokens,
        AnswerReader<List<String>> reader) {

    public ChatCompletionRequest forModel(String model) {
        return new ChatCompletionRequest(model, messages, format, reasoningEffort, maxCompletionTokens);
    }
}
