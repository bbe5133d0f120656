package dev.nanoclassifier.classifier.prompt;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.classifier.model.ChatCompletionRequest.ResponseFormat;

/**
 * The strict JSON schemas that confine the model's answer to the allowed values: the label names
 * (or candidate ids) are an {@code enum}, every property is required and nothing else is allowed.
 */
public final class SchemaBuilder {

    public static final String LABEL = "label";
    public static final String LABELS = "labels";
    public static final String RANKING = "ranking";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SchemaBuilder() {
    }

    /** {@code {"label": enum}} or, for multi-label, {@code {"labels": [enum]}}. */
    public static ResponseFormat classification(List<String> labels, boolean multiLabel) {
        ObjectNode value = enumString(labels);
        return multiLabel
                ? ResponseFormat.strict("classification", object(LABELS, array(value)))
                : ResponseFormat.strict("classification", object(LABEL, value));
    }

    /** {@code {"ranking": [enum of candidate ids]}}, best first. */
    public static ResponseFormat ranking(List<String> candidateIds) {
        return ResponseFormat.strict("ranking", object(RANKING, array(enumString(candidateIds))));
    }

    private static ObjectNode enumString(List<String> values) {
        ObjectNode node = JSON.objectNode().put("type", "string");
        ArrayNode allowed = node.putArray("enum");
        values.forEach(allowed::add);
        return node;
    }

    private static ObjectNode array(ObjectNode items) {
        ObjectNode node = JSON.objectNode().put("type", "array");
        node.set("items", items);
        return node;
    }

    private static ObjectNode object(String property, ObjectNode schema) {
        ObjectNode node = JSON.objectNode().put("type", "object");
        node.putObject("properties").set(property, schema);
        node.putArray("required").add(property);
        node.put("additionalProperties", false);
        return node;
    }
}
