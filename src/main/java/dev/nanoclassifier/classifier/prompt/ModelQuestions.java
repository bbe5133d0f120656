package dev.nanoclassifier.classifier.prompt;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.classifier.budget.TokenCounter;
import dev.nanoclassifier.classifier.model.ChatCompletionRequest.ResponseFormat;
import dev.nanoclassifier.classifier.model.ModelQuestion;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.request.ClassificationRequest;
import dev.nanoclassifier.request.InvalidRequestException;

/**
 * Turns a request into the question every model of the chain is asked: the prompt, the strict
 * schema of the answer, the output-token limit and the validator of that kind of request. Rank
 * candidates are named by handles ({@code 1}..{@code N}); the output limit covers the longest answer
 * the schema allows; a schema over OpenAI's strict-mode limits is refused here, before anything is
 * sent, with the field it comes from.
 */
public final class ModelQuestions {

    private ModelQuestions() {
    }

    public static ModelQuestion of(ClassificationRequest request, ClassifierConfig config, ObjectMapper mapper,
            TokenCounter tokens) {
        int headroom = config.maxCompletionTokens();
        return request.match(classify -> {
            ResponseFormat format = SchemaBuilder.classification(classify.labelNames(), classify.multiLabel());
            checkLimits(format, classify.classifier() == null ? "labels" : "classifier");
            return new ModelQuestion(PromptBuilder.classify(classify), format,
                    OutputLimit.labels(tokens, classify.labelNames(), classify.multiLabel(), headroom),
                    AnswerValidator.labels(mapper, classify.labelNames(), classify.multiLabel()));
        }, rank -> {
            CandidateHandles handles = CandidateHandles.of(rank.candidateIds());
            int count = Math.min(rank.topK(), rank.candidates().size());
            ResponseFormat format = SchemaBuilder.ranking(handles.handles(), count);
            checkLimits(format, "candidates");
            return new ModelQuestion(PromptBuilder.rank(rank, handles), format,
                    OutputLimit.ranking(tokens, handles.handles(), count, headroom),
                    AnswerValidator.ranking(mapper, handles, rank.topK()));
        });
    }

    private static void checkLimits(ResponseFormat format, String field) {
        StrictSchemaLimits.violation(format.jsonSchema().schema()).ifPresent(why -> {
            throw new InvalidRequestException(field, why + "; use fewer or shorter values");
        });
    }
}
