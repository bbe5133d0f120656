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
import dev.nanoclassifier.classifier.model.ModelAnswer;
import dev.nanoclassifier.classifier.model.ModelCallException;

/**
 * Checks the model's answer before anyone sees it. A refusal, a truncated or empty answer,
 * malformed JSON, a label outside the set or a handle that names no candidate is an
 * {@link FailureReason#INVALID_ANSWER}, never a result. A repeated label or candidate (strict mode
 * cannot forbid repeats) is dropped, first mention kept, and said so: the rest of the answer is
 * good and is not paid for again.
 */
public final class AnswerValidator {

    private AnswerValidator() {
    }

    /** Reads the chosen labels: exactly one, or at least one distinct for multi-label. */
    public static AnswerReader<ModelAnswer> labels(ObjectMapper mapper, List<String> allowed, boolean multiLabel) {
        Set<String> allowedSet = Set.copyOf(allowed);
        return response -> {
            JsonNode answer = content(mapper, response);
            List<String> chosen;
            int repeats = 0;
            if (multiLabel) {
                List<String> all = strings(answer.get(SchemaBuilder.LABELS), SchemaBuilder.LABELS);
                chosen = List.copyOf(new LinkedHashSet<>(all));
                repeats = all.size() - chosen.size();
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
            return new ModelAnswer(chosen, repeats == 0 ? null : "dropped " + repeats + " repeated label"
                    + (repeats == 1 ? "" : "s"));
        };
    }

    /**
     * Reads the ranking: handles mapped back to the caller's candidate ids, best first, at most
     * {@code topK} kept.
     */
    public static AnswerReader<ModelAnswer> ranking(ObjectMapper mapper, CandidateHandles handles, int topK) {
        return response -> {
            List<String> named = strings(content(mapper, response).get(SchemaBuilder.RANKING), SchemaBuilder.RANKING);
            Set<String> ids = new LinkedHashSet<>();
            int repeats = 0;
            for (String handle : named) {
                String id = handles.idOf(handle);
                if (id == null) {
                    throw invalid("ranking names an id that is not a candidate");
                }
                if (!ids.add(id)) {
                    repeats++;
                }
            }
            List<String> ranking = new ArrayList<>(ids);
            return new ModelAnswer(ranking.size() > topK ? ranking.subList(0, topK) : ranking,
                    repeats == 0 ? null : "dropped " + repeats + " repeated id" + (repeats == 1 ? "" : "s"));
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

    private static List<String> strings(JsonNode array, String field) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw invalid("no non-empty \"" + field + "\" array in the answer");
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw invalid("\"" + field + "\" holds a non-string");
            }
            values.add(item.asText());
        }
        return values;
    }

    private static ModelCallException invalid(String why) {
        return new ModelCallException(FailureReason.INVALID_ANSWER, why);
    }
}
