package dev.nanoclassifier.classifier.prompt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.classifier.model.AnswerReader;
import dev.nanoclassifier.classifier.model.ChatCompletionResponse;
import dev.nanoclassifier.classifier.model.FailureReason;
import dev.nanoclassifier.classifier.model.ModelCallException;

/**
 * Checks the model's answer before anyone sees it. A refusal, a truncated or empty answer,
 * malformed JSON, a label outside the set or a ranking that is not a permutation of a subset of
 * the candidate ids is an {@link FailureReason#INVALID_ANSWER}, never a result.
 */
public final class AnswerValidator {

    private AnswerValidator() {
    }

    /** Reads the chosen labels: exactly one, or at least one distinct for multi-label. */
    public static AnswerReader<List<String>> labels(ObjectMapper mapper, List<String> allowed, boolean multiLabel) {
        Set<String> allowedSet = Set.copyOf(allowed);
        return response -> {
            JsonNode answer = content(mapper, response);
            List<String> chosen;
            if (multiLabel) {
                chosen = distinctStrings(answer.get(SchemaBuilder.LABELS), SchemaBuilder.LABELS);
            } else {
                JsonNode label = answer.get(SchemaBuilder.LABEL);
                if (label == null || !label.isTextual()) {
                    throw invalid("no \"label\" string in the answer");
                }
                chosen = List.of(label.asText());
            }
            for (String label : chosen) {
                if (!allowedSet.contains(label)) {
                    throw invalid("label outside the allowed set");
                }
            }
            return chosen;
        };
    }

    /** Reads the ranking: distinct candidate ids, best first, at most {@code topK} kept. */
    public static AnswerReader<List<String>> ranking(ObjectMapper mapper, List<String> candidateIds, int topK) {
        Set<String> allowedSet = Set.copyOf(candidateIds);
        return response -> {
            List<String> ranking = distinctStrings(content(mapper, response).get(SchemaBuilder.RANKING),
                    SchemaBuilder.RANKING);
            for (String id : ranking) {
                if (!allowedSet.contains(id)) {
                    throw invalid("ranking names an id that is not a candidate");
                }
            }
            return ranking.size() > topK ? List.copyOf(ranking.subList(0, topK)) : ranking;
        };
    }

    private static JsonNode content(ObjectMapper mapper, ChatCompletionResponse response) {
        if (response == null || response.choices() == null || response.choices().isEmpty()) {
            throw invalid("no choices in the answer");
        }
        ChatCompletionResponse.Choice choice = response.choices().get(0);
        if (choice.message() != null && choice.message().refusal() != null && !choice.message().refusal().isBlank()) {
            throw invalid("the model refused");
        }
        if ("length".equals(choice.finishReason())) {
            throw invalid("the answer was cut off (finish_reason length)");
        }
        if ("content_filter".equals(choice.finishReason())) {
            throw invalid("the answer was filtered (finish_reason content_filter)");
        }
        String content = choice.message() == null ? null : choice.message().content();
        if (content == null || content.isBlank()) {
            throw invalid("empty answer");
        }
        try {
            JsonNode node = mapper.readTree(content);
            if (node == null || !node.isObject()) {
                throw invalid("the answer is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw invalid("the answer is not valid JSON");
        }
    }

    private static List<String> distinctStrings(JsonNode array, String field) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw invalid("no non-empty \"" + field + "\" array in the answer");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode item : array) {
            if (!item.isTextual() || !seen.add(item.asText())) {
                throw invalid("\"" + field + "\" holds a non-string or a repeated value");
            }
        }
        return new ArrayList<>(seen);
    }

    private static ModelCallException invalid(String why) {
        return new ModelCallException(FailureReason.INVALID_ANSWER, why);
    }
}
