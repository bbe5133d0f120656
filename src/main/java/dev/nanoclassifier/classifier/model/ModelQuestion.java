package dev.nanoclassifier.classifier.model;

import java.util.List;

import dev.nanoclassifier.classifier.model.ChatCompletionRequest.Message;
import dev.nanoclassifier.classifier.model.ChatCompletionRequest.ResponseFormat;

/**
 * What every model of the chain is asked for one request: the same messages, strict schema and
 * output-token limit, and how the answer is checked. Each endpoint adds its own model name,
 * reasoning effort and output-limit field. Built from a request by
 * {@code classifier.prompt.ModelQuestions}.
 */
public record ModelQuestion(List<Message> messages, ResponseFormat format, int outputLimit,
        AnswerReader<ModelAnswer> reader) {
}
