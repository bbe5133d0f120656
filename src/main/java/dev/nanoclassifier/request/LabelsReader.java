package dev.nanoclassifier.request;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.nanoclassifier.config.ClassifierConfig;

/** Reads and checks a label list, from a request or from a named classifier's definition. */
final class LabelsReader {

    private final ClassifierConfig.Limits limits;

    LabelsReader(ClassifierConfig.Limits limits) {
        this.limits = limits;
    }

    List<LabelSpec> read(JsonNode node, String field) {
        if (!node.isArray()) {
            throw new InvalidRequestException(field, "must be an array of label names or label objects");
        }
        List<LabelSpec> labels = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String itemField = field + "[" + i + "]";
            JsonNode item = node.get(i);
            if (item.isTextual()) {
                labels.add(LabelSpec.named(exactName(item.asText(), itemField)));
            } else if (item.isObject()) {
                String name = exactName(RequestParser.requiredString(item, "name", itemField + ".name"), itemField + ".name");
                String description = RequestParser.optionalString(item, "description", itemField + ".description");
                labels.add(new LabelSpec(name, description, examples(item, itemField + ".examples")));
            } else {
                throw new InvalidRequestException(itemField, "must be a label name or an object with \"name\"");
            }
        }
        return checkLabels(labels, field);
    }

    /**
     * A label name as sent. Answers are label names exactly as the caller sent them, so a name the
     * caller padded with whitespace is refused rather than stripped into a string never sent.
     */
    private static String exactName(String name, String field) {
        if (!name.isBlank() && !name.equals(name.strip())) {
            throw new InvalidRequestException(field,
                    "label name must not start or end with whitespace; answers are the names exactly as sent");
        }
        return name;
    }

    /** The label rules: 2 to max labels, names not blank, not too long, not repeated. */
    List<LabelSpec> checkLabels(List<LabelSpec> labels, String field) {
        if (labels.size() < 2) {
            throw new InvalidRequestException(field, "at least 2 labels are required");
        }
        if (labels.size() > limits.maxLabels()) {
            throw new InvalidRequestException(field, labels.size() + " labels is over the limit of " + limits.maxLabels());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String name = labels.get(i).name();
            String nameField = field + "[" + i + "]";
            if (name == null || name.isBlank()) {
                throw new InvalidRequestException(nameField, "label name must not be blank");
            }
            if (name.length() > limits.maxLabelLength()) {
                throw new InvalidRequestException(nameField,
                        "label name is longer than " + limits.maxLabelLength() + " characters");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidRequestException(nameField, "duplicate label \"" + name + "\"");
            }
        }
        return labels;
    }

    private List<String> examples(JsonNode item, String field) {
        JsonNode node = item.get("examples");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidRequestException(field, "must be an array of strings");
        }
        List<String> examples = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new InvalidRequestException(field + "[" + i + "]", "must be a string");
            }
            examples.add(node.get(i).asText());
        }
        return examples;
    }

}
