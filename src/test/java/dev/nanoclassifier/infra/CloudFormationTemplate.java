package dev.nanoclassifier.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Read-only view of a parsed CloudFormation / SAM template for tests: typed access to sections and
 * resources, and {@link #resolvedFor(Map)} to see the template as deployed with given parameter values
 * ({@code Fn::If} branches chosen, {@code AWS::NoValue} removed).
 */
final class CloudFormationTemplate {

    private static final Object NO_VALUE = new Object();

    private final String name;
    private final Map<String, Object> root;

    private CloudFormationTemplate(String name, Map<String, Object> root) {
        this.name = name;
        this.root = root;
    }

    static CloudFormationTemplate load(String relativePath) throws IOException {
        return new CloudFormationTemplate(relativePath, CloudFormationYaml.load(Path.of(relativePath)));
    }

    String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** A top-level section as parsed ({@code Transform}, {@code Parameters}, ...); fails when it is absent. */
    Object root(String section) {
        Object value = root.get(section);
        if (value == null) {
            throw new AssertionError(name + ": no section " + section);
        }
        return value;
    }

    Map<String, Object> parameters() {
        return map(root.getOrDefault("Parameters", Map.of()));
    }

    Map<String, Object> parameter(String parameterName) {
        Object parameter = parameters().get(parameterName);
        if (parameter == null) {
            throw new AssertionError(name + ": no parameter " + parameterName);
        }
        return map(parameter);
    }

    Map<String, Object> mappings() {
        return map(root.getOrDefault("Mappings", Map.of()));
    }

    Map<String, Object> conditions() {
        return map(root.getOrDefault("Conditions", Map.of()));
    }

    Map<String, Object> outputs() {
        return map(root.getOrDefault("Outputs", Map.of()));
    }

    Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new AssertionError(name + ": no resource " + logicalId);
        }
        return map(resource);
    }

    String typeOf(String logicalId) {
        return (String) resource(logicalId).get("Type");
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).getOrDefault("Properties", Map.of()));
    }

    /** Logical ids of all resources of the given type, in template order. */
    List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The logical id of the only resource of the given type. */
    String onlyResourceOfType(String type) {
        List<String> ids = resourcesOfType(type);
        if (ids.size() != 1) {
            throw new AssertionError(name + ": expected exactly one " + type + " but found " + ids);
        }
        return ids.get(0);
    }

    /** The events of the only {@code AWS::Serverless::Function} whose {@code Type} is {@code eventType}. */
    Map<String, Map<String, Object>> functionEventsOfType(String eventType) {
        String function = onlyResourceOfType("AWS::Serverless::Function");
        Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        map(properties(function).getOrDefault("Events", Map.of())).forEach((id, event) -> {
            if (eventType.equals(map(event).get("Type"))) {
                events.put(id, map(map(event).getOrDefault("Properties", Map.of())));
            }
        });
        return events;
    }

    /** Environment variables of the only {@code AWS::Serverless::Function}. */
    Map<String, Object> functionEnvironment() {
        String function = onlyResourceOfType("AWS::Serverless::Function");
        Object environment = properties(function).getOrDefault("Environment", Map.of());
        return map(map(environment).getOrDefault("Variables", Map.of()));
    }

    /** Every IAM policy statement (a mapping with Effect and Action) anywhere in the resources, both If branches included. */
    List<Map<String, Object>> policyStatements() {
        List<Map<String, Object>> statements = new ArrayList<>();
        visit(root.get("Resources"), node -> {
            if (node instanceof Map<?, ?> candidate && candidate.containsKey("Effect") && candidate.containsKey("Action")) {
                statements.add(map(candidate));
            }
        });
        return statements;
    }

    /**
     * The template as CloudFormation would see it with the given parameter values (others take their
     * defaults): conditions evaluated, {@code Fn::If} replaced by the chosen branch and {@code AWS::NoValue}
     * dropped.
     */
    CloudFormationTemplate resolvedFor(Map<String, String> parameterValues) {
        Map<String, String> values = new HashMap<>();
        parameters().forEach((parameterName, parameter) -> {
            Object defaultValue = map(parameter).get("Default");
            if (defaultValue != null) {
                values.put(parameterName, String.valueOf(defaultValue));
            }
        });
        values.putAll(parameterValues);
        ConditionEvaluator conditions = new ConditionEvaluator(conditions(), values);
        return new CloudFormationTemplate(name + " " + parameterValues, map(resolveIfs(root, conditions)));
    }

    /** {@code {"Ref": name}}. */
    static Map<String, Object> ref(String logicalName) {
        return Map.of("Ref", logicalName);
    }

    /** {@code {"Fn::GetAtt": [resource, attribute]}}. */
    static Map<String, Object> getAtt(String resource, String attribute) {
        return Map.of("Fn::GetAtt", List.of(resource, attribute));
    }

    /** A single string or a list of strings, as IAM accepts for Action and Resource. */
    static List<Object> oneOrMany(Object value) {
        return value instanceof List<?> values ? new ArrayList<>(values) : List.of(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping but got " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (!(value instanceof List)) {
            throw new AssertionError("expected a sequence but got " + value);
        }
        return (List<Object>) value;
    }

    private static void visit(Object node, Consumer<Object> visitor) {
        visitor.accept(node);
        if (node instanceof Map<?, ?> mapping) {
            mapping.values().forEach(child -> visit(child, visitor));
        } else if (node instanceof List<?> sequence) {
            sequence.forEach(child -> visit(child, visitor));
        }
    }

    private static Object resolveIfs(Object node, ConditionEvaluator conditions) {
        if (node instanceof Map<?, ?> mapping) {
            if (mapping.size() == 1 && mapping.containsKey("Fn::If")) {
                List<Object> arguments = list(mapping.get("Fn::If"));
                Object chosen = conditions.isTrue((String) arguments.get(0)) ? arguments.get(1) : arguments.get(2);
                return resolveIfs(chosen, conditions);
            }
            if (mapping.size() == 1 && "AWS::NoValue".equals(mapping.get("Ref"))) {
                return NO_VALUE;
            }
            Map<Object, Object> resolved = new LinkedHashMap<>();
            mapping.forEach((key, value) -> {
                Object resolvedValue = resolveIfs(value, conditions);
                if (resolvedValue != NO_VALUE) {
                    resolved.put(key, resolvedValue);
                }
            });
            return resolved;
        }
        if (node instanceof List<?> sequence) {
            List<Object> resolved = new ArrayList<>();
            for (Object element : sequence) {
                Object resolvedElement = resolveIfs(element, conditions);
                if (resolvedElement != NO_VALUE) {
                    resolved.add(resolvedElement);
                }
            }
            return resolved;
        }
        return node;
    }

    /** Evaluates the Conditions section: Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition, Ref to parameters. */
    private static final class ConditionEvaluator {

        private final Map<String, Object> conditions;
        private final Map<String, String> parameterValues;

        ConditionEvaluator(Map<String, Object> conditions, Map<String, String> parameterValues) {
            this.conditions = conditions;
            this.parameterValues = parameterValues;
        }

        boolean isTrue(String conditionName) {
            Object condition = conditions.get(conditionName);
            if (condition == null) {
                throw new AssertionError("no condition " + conditionName);
            }
            return evaluate(condition);
        }

        private boolean evaluate(Object expression) {
            Map<String, Object> function = map(expression);
            if (function.containsKey("Condition")) {
                return isTrue((String) function.get("Condition"));
            }
            if (function.containsKey("Fn::Equals")) {
                List<Object> operands = list(function.get("Fn::Equals"));
                return value(operands.get(0)).equals(value(operands.get(1)));
            }
            if (function.containsKey("Fn::Not")) {
                return !evaluate(list(function.get("Fn::Not")).get(0));
            }
            if (function.containsKey("Fn::And")) {
                return list(function.get("Fn::And")).stream().allMatch(this::evaluate);
            }
            if (function.containsKey("Fn::Or")) {
                return list(function.get("Fn::Or")).stream().anyMatch(this::evaluate);
            }
            throw new AssertionError("unsupported condition expression " + expression);
        }

        private String value(Object operand) {
            if (operand instanceof Map<?, ?> function && function.containsKey("Ref")) {
                String parameterName = (String) function.get("Ref");
                String value = parameterValues.get(parameterName);
                if (value == null) {
                    throw new AssertionError("no value for parameter " + parameterName);
                }
                return value;
            }
            return String.valueOf(operand);
        }
    }
}
