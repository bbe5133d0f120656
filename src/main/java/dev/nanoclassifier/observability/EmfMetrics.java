package dev.nanoclassifier.observability;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.result.ClassificationResult;

/**
 * CloudWatch Embedded Metric Format: one line per answered request, turned into metrics by
 * CloudWatch Logs with no API call. Dimensions: {@code Classifier} (the named classifier, or
 * {@code inline} / {@code rank}) with {@code Model}, and {@code Model} alone. On an environment's
 * cold start also Powertools' {@code ColdStart} metric.
 */
@Singleton
public class EmfMetrics {

    private final StdoutLines out;
    private final boolean enabled;
    private final String namespace;

    public EmfMetrics(StdoutLines out, ClassifierConfig config) {
        this.out = out;
        this.enabled = config.observability().metrics();
        this.namespace = config.observability().metricsNamespace();
    }

    /** The EMF envelope of a metric line: {@code _aws} with the timestamp and one metric directive in this namespace. */
    private ObjectNode directive(ObjectNode line) {
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", System.currentTimeMillis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        return directive;
    }

    public void record(ClassificationResult result) {
        if (!enabled) {
            return;
        }
        ObjectNode line = out.newObject();
        ObjectNode directive = directive(line);
        ArrayNode dimensions = directive.putArray("Dimensions");
        dimensions.addArray().add("Classifier").add("Model");
        dimensions.addArray().add("Model");
        ArrayNode metrics = directive.putArray("Metrics");
        line.put("Classifier", classifierDimension(result));
        line.put("Model", result.model());
        metric(metrics, line, "Requests", "Count", 1);
        metric(metrics, line, "Degraded", "Count", result.degraded() ? 1 : 0);
        metric(metrics, line, "CacheHits", "Count", result.cached() ? 1 : 0);
        metric(metrics, line, "Latency", "Milliseconds", result.latencyMs());
        metric(metrics, line, "InputTokens", "Count", result.usage().inputTokens());
        metric(metrics, line, "OutputTokens", "Count", result.usage().outputTokens());
        if (result.usage().costUsd() != null) {
            metrics.addObject().put("Name", "CostUsd").put("Unit", "None");
            line.put("CostUsd", result.usage().costUsd().doubleValue());
        }
        correlate(line, InvocationContext.current());
        out.write(line);
    }

    /**
     * Powertools' {@code ColdStart} metric: its own line, on the cold start of an environment only,
     * value 1, by {@code Service} and {@code FunctionName} (when the runtime tells the name).
     */
    public void coldStart(InvocationContext context) {
        if (!enabled || context == null || !context.coldStart()) {
            return;
        }
        ObjectNode line = out.newObject();
        ObjectNode directive = directive(line);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray().add("Service");
        line.put("Service", context.service());
        if (context.functionName() != null) {
            dimensionSet.add("FunctionName");
            line.put("FunctionName", context.functionName());
        }
        metric(directive.putArray("Metrics"), line, "ColdStart", "Count", 1);
        correlate(line, context);
        out.write(line);
    }

    /** As Powertools: the request and trace ids as properties of the metric line, to find its logs. */
    private static void correlate(ObjectNode line, InvocationContext context) {
        if (context == null) {
            return;
        }
        if (context.requestId() != null) {
            line.put("function_request_id", context.requestId());
        }
        if (context.traceId() != null) {
            line.put("xray_trace_id", context.traceId());
        }
    }

    private static void metric(ArrayNode metrics, ObjectNode line, String name, String unit, long value) {
        metrics.addObject().put("Name", name).put("Unit", unit);
        line.put(name, value);
    }

    private static String classifierDimension(ClassificationResult result) {
        if (result.classifier() != null) {
            return result.classifier();
        }
        return "rank".equals(result.task()) ? "rank" : "inline";
    }
}
