package dev.nanoclassifier.classifier.prompt;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The size limits OpenAI's strict mode puts on a response schema, counted the way the official
 * openai-java SDK counts them ({@code com.openai.core.JsonSchemaValidator}): the total length of all
 * property names, definition names, enum and const values at most 15,000 characters; at most 500
 * enum values in all; one string enum of more than 250 values at most 7,500 characters; at most 100
 * object properties; at most 10 levels of nesting. A schema over any of them is answered with a 400
 * by the API, so it is refused before it is sent.
 */
public final class StrictSchemaLimits {

    public static final int MAX_TOTAL_STRING_LENGTH = 15_000;
    public static final int MAX_ENUM_VALUES = 500;
    public static final int UNRESTRICTED_ENUM_VALUES = 250;
    public static final int MAX_LARGE_ENUM_STRING_LENGTH = 7_500;
    public static final int MAX_OBJECT_PROPERTIES = 100;
    public static final int MAX_NESTING_DEPTH = 10;

    private int totalStringLength;
    private int totalEnumValues;
    private int totalProperties;
    private int depth;
    private String largeEnum;

    private StrictSchemaLimits() {
    }

    /** Why {@code schema} is over a limit, or empty when it fits. */
    public static Optional<String> violation(JsonNode schema) {
        StrictSchemaLimits count = new StrictSchemaLimits();
        count.visit(schema, 0);
        if (count.depth > MAX_NESTING_DEPTH) {
            return Optional.of("the response schema nests " + count.depth + " levels deep, over the limit of "
                    + MAX_NESTING_DEPTH + " of OpenAI's strict mode");
        }
        if (count.largeEnum != null) {
            return Optional.of(count.largeEnum);
        }
        if (count.totalEnumValues > MAX_ENUM_VALUES) {
            return Optional.of("the response schema has " + count.totalEnumValues + " enum values, over the limit of "
                    + MAX_ENUM_VALUES + " of OpenAI's strict mode");
        }
        if (count.totalStringLength > MAX_TOTAL_STRING_LENGTH) {
            return Optional.of("the response schema has " + count.totalStringLength
                    + " characters of names and values, over the limit of " + MAX_TOTAL_STRING_LENGTH
                    + " of OpenAI's strict mode");
        }
        if (count.totalProperties > MAX_OBJECT_PROPERTIES) {
            return Optional.of("the response schema has " + count.totalProperties + " properties, over the limit of "
                    + MAX_OBJECT_PROPERTIES + " of OpenAI's strict mode");
        }
        return Optional.empty();
    }

    private void visit(JsonNode schema, int level) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        depth = Math.max(depth, level);
        JsonNode definitions = schema.get("$defs");
        if (definitions != null && definitions.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> definition = it.next();
                totalStringLength += definition.getKey().length();
                visit(definition.getValue(), level + 1);
            }
        }
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                totalProperties++;
                totalStringLength += property.getKey().length();
                visit(property.getValue(), level + 1);
            }
        }
        visit(schema.get("items"), level + 1);
        JsonNode anyOf = schema.get("anyOf");
        if (anyOf != null && anyOf.isArray()) {
            anyOf.forEach(sub -> visit(sub, level + 1));
        }
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray()) {
            int length = 0;
            for (JsonNode value : values) {
                length += value.asText().length();
                totalEnumValues++;
            }
            totalStringLength += length;
            boolean stringEnum = "string".equals(schema.path("type").asText());
            if (stringEnum && values.size() > UNRESTRICTED_ENUM_VALUES && length > MAX_LARGE_ENUM_STRING_LENGTH
                    && largeEnum == null) {
                largeEnum = "an enum of " + values.size() + " values has " + length + " characters, over the limit of "
                        + MAX_LARGE_ENUM_STRING_LENGTH + " of OpenAI's strict mode for enums of more than "
                        + UNRESTRICTED_ENUM_VALUES + " values";
            }
        }
        JsonNode constant = schema.get("const");
        if (constant != null) {
            totalStringLength += constant.asText().length();
        }
    }
}
