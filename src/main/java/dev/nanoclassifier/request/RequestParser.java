package dev.nanoclassifier.request;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import dev.nanoclassifier.config.ClassifierConfig;

/**
 * Turns the request JSON (direct invocation, API Gateway body or SQS message body: the same
 * contract everywhere) into a validated {@link ClassificationRequest}. Every rejection names the
 * field at fault and never quotes the caller's text.
 */
@Singleton
public class RequestParser {

    private final RequestJson json;
    private final ClassifierConfig.Limits limits;
    private final ClassifierDefinitions definitions;
    private final LabelsReader labelsReader;

    public RequestParser(RequestJson json, ClassifierConfig config, ClassifierDefinitions definitions) {
        this.json = json;
        this.limits = config.limits();
        this.definitions = definitions;
        this.labelsReader = new LabelsReader(config.limits());
    }

    /**
     * Parses raw JSON text: exactly one JSON object, no key twice. {@code pathTask} is the task fixed
     * by an HTTP path, or null.
     */
    public ClassificationRequest parse(String text, Task pathTask) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("body", "is empty; expected a JSON object");
        }
        return parse(json.read(text, "body"), pathTask);
    }

    public ClassificationRequest parse(JsonNode root, Task pathTask) {
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        String taskName = optionalString(root, "task");
        Task task = taskName == null ? (pathTask == null ? Task.CLASSIFY : pathTask) : Task.fromWire(taskName);
        if (pathTask != null && task != pathTask) {
            throw new InvalidRequestException("task", "must be \"" + pathTask.wireName() + "\" on this path");
        }
        String id = optionalString(root, "id");
        String fallbackName = optionalString(root, "fallback");
        FallbackMode fallback = fallbackName == null ? FallbackMode.CHAIN : FallbackMode.fromWire(fallbackName);
        return task == Task.CLASSIFY ? classify(root, id, fallback) : rank(root, id, fallback);
    }

    private ClassificationRequest.Classify classify(JsonNode root, String id, FallbackMode fallback) {
        String input = requiredText(root, "input");
        String classifierName = optionalString(root, "classifier");
        if (classifierName != null) {
            for (String fixed : List.of("labels", "instructions", "multiLabel")) {
                if (root.has(fixed)) {
                    throw new InvalidRequestException(fixed, "cannot be set with \"classifier\"; the named classifier defines it");
                }
            }
            ClassifierDefinition definition = definitions.find(classifierName)
                    .orElseThrow(() -> new InvalidRequestException("classifier",
                            "unknown classifier; known: " + String.join(", ", definitions.names())));
            return new ClassificationRequest.Classify(id, classifierName, input, definition.labels(),
                    definition.instructions(), definition.multiLabel(), fallback);
        }
        JsonNode labelsNode = root.get("labels");
        if (labelsNode == null || labelsNode.isNull()) {
            throw new InvalidRequestException("labels", "is required (or name a \"classifier\")");
        }
        List<LabelSpec> labels = labelsReader.read(labelsNode, "labels");
        String instructions = optionalString(root, "instructions");
        boolean multiLabel = optionalBoolean(root, "multiLabel");
        return new ClassificationRequest.Classify(id, null, input, labels, instructions, multiLabel, fallback);
    }

    private ClassificationRequest.Rank rank(JsonNode root, String id, FallbackMode fallback) {
        String query = requiredText(root, "query");
        JsonNode node = root.get("candidates");
        if (node == null || node.isNull()) {
            throw new InvalidRequestException("candidates", "is required");
        }
        if (!node.isArray()) {
            throw new InvalidRequestException("candidates", "must be an array");
        }
        if (node.isEmpty()) {
            throw new InvalidRequestException("candidates", "at least 1 candidate is required");
        }
        if (node.size() > limits.maxCandidates()) {
            throw new InvalidRequestException("candidates",
                    node.size() + " candidates is over the limit of " + limits.maxCandidates());
        }
        List<Candidate> candidates = new ArrayList<>(node.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "candidates[" + i + "]";
            JsonNode item = node.get(i);
            Candidate candidate;
            if (item.isTextual()) {
                candidate = new Candidate(Integer.toString(i), nonBlank(item.asText(), field));
            } else if (item.isObject()) {
                String candidateId = requiredString(item, "id", field + ".id");
                if (candidateId.isBlank()) {
                    throw new InvalidRequestException(field + ".id", "must not be blank");
                }
                candidate = new Candidate(candidateId, nonBlank(requiredString(item, "text", field + ".text"), field + ".text"));
            } else {
                throw new InvalidRequestException(field, "must be a string or an object with \"id\" and \"text\"");
            }
            if (!seen.add(candidate.id())) {
                throw new InvalidRequestException(field + ".id", "duplicate candidate id \"" + candidate.id() + "\"");
            }
            candidates.add(candidate);
        }
        int topK = candidates.size();
        JsonNode topKNode = root.get("topK");
        if (topKNode != null && !topKNode.isNull()) {
            if (!topKNode.isIntegralNumber()) {
                throw new InvalidRequestException("topK", "must be an integer");
            }
            // Read whole: a long or an int would wrap 2^64 + 1 around to 1.
            BigInteger value = topKNode.bigIntegerValue();
            if (value.signum() < 1) {
                throw new InvalidRequestException("topK", "must be at least 1");
            }
            if (value.compareTo(BigInteger.valueOf(limits.maxCandidates())) > 0) {
                throw new InvalidRequestException("topK", "must be at most " + limits.maxCandidates());
            }
            topK = Math.min(value.intValue(), candidates.size());
        }
        return new ClassificationRequest.Rank(id, query, candidates, topK, fallback);
    }

    private String requiredText(JsonNode root, String field) {
        String text = requiredString(root, field, field);
        nonBlank(text, field);
        if (text.length() > limits.maxInputChars()) {
            throw new InvalidRequestException(field,
                    text.length() + " characters is over the limit of " + limits.maxInputChars());
        }
        return text;
    }

    private static String nonBlank(String text, String field) {
        if (text.isBlank()) {
            throw new InvalidRequestException(field, "must not be empty or blank");
        }
        return text;
    }

    static String requiredString(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidRequestException(field, "is required");
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field, "must be a string, not " + typeName(value));
        }
        return value.asText();
    }

    private static String optionalString(JsonNode node, String name) {
        return optionalString(node, name, name);
    }

    static String optionalString(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field, "must be a string, not " + typeName(value));
        }
        return value.asText();
    }

    private static boolean optionalBoolean(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException(name, "must be true or false, not " + typeName(value));
        }
        return value.asBoolean();
    }

    static String typeName(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> "null";
        };
    }

}
