package dev.nanoclassifier.classifier.model;

/** Reads and validates the model's answer; a wrong answer is a {@link FailureReason#INVALID_ANSWER}. */
@FunctionalInterface
public interface AnswerReader<T> {

    T read(ChatCompletionResponse response) throws ModelCallException;
}
