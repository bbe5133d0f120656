package dev.nanoclassifier.classifier.prompt;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.classifier.model.ChatCompletionRequest.ResponseFormat;

/**
 * The strict JSON schemas that confine the model's answer to the allowed values: the label names
 * (or candidate handles) are an {@code enum}, every property is required and nothing else is
 * allowed, and arrays are bounded with {@code minItems}/{@code maxItems} (strict mode supports
 * those; it does not support {@code uniqueItems}, so repeats are dealt with when the answer is read).
 */
public final class SchemaBuilder {

    public static final String LABEL = "label";
    public static final String LABELS = "labels";
    public static final String RANKING = "ranking";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SchemaBuilder() {
    }

    /** {@code {"label": enum}} or, for multi-label, {@code {"labels": [enum]}} of 1 to all labels. */
    public static ResponseFormat classification(List<String> labels, boolean multiLabel) {
        ObjectNode value = enumString(labels);
        return multiLabel
                ? ResponseFormat.strict("classification", object(LABELS, array(value, 1, labels.size())))
                : ResponseFormat.strict("classification", object(LABEL, value));
    }

    /** {@code {"ranking": [enum of handles]}} of exactly {@code count} items, best first. */
    public static ResponseFormat ranking(List<String> handles, int count) {
        return ResponseFormat.strict("ranking", object(RANKING, array(enumString(handles), count, count)));
    }

    private static ObjectNode enumString(List<String> values) {
        ObjectNode node = JSON.objectNode().put("type", "string");
        ArrayNode allowed = node.putArray("enum");
        values.forEach(allowed::add);
        return node;
    }

    private static ObjectNode array(ObjectNode items, int minItems, int maxItems) {
        ObjectNode node = JSON.objectNode().put("type", "array");
        node.set("items", items);
        node.put("minItems", minItems);
        node.put("maxItems", maxItems);
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
