package dev.nanoclassifier.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every log line of one invocation carries, under the names Powertools for AWS Lambda uses
 * (so CloudWatch Logs Insights queries written for Powertools work): {@code cold_start},
 * {@code function_name}, {@code function_version}, {@code function_arn},
 * {@code function_memory_size}, {@code function_request_id}, {@code xray_trace_id} (the trace's
 * {@code Root}), {@code service} and, when debug sampling is on, {@code sampling_rate}.
 *
 * <p>{@link #enter()} puts them in the JBoss log MDC of the current thread (so framework lines
 * written during the request carry them too) and makes this the {@link #current()} context;
 * {@link #wrap(Callable)} does the same on a worker thread. The request and metric lines, written
 * as JSON by this package, carry them as top-level fields with their JSON types.
 *
 * @param trace the invocation's trace header, or null outside a trace
 * @param debugSampled whether this invocation was drawn for the debug sample
 */
public record InvocationContext(String requestId, boolean coldStart, String functionName, String functionVersion,
        String functionArn, Integer memoryMb, String service, TraceHeader trace, double samplingRate,
        boolean debugSampled) {

    private static final ThreadLocal<InvocationContext> CURRENT = new ThreadLocal<>();

    /** The context of the invocation the current thread works for, or null. */
    public static InvocationContext current() {
        return CURRENT.get();
    }

    /** The trace id (Root) or null. */
    public String traceId() {
        return trace == null ? null : trace.root();
    }

    /** The fields, in Powertools' names, with their values as strings (absent values left out). */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("cold_start", Boolean.toString(coldStart));
        putIfPresent(fields, "function_name", functionName);
        putIfPresent(fields, "function_version", functionVersion);
        putIfPresent(fields, "function_arn", functionArn);
        putIfPresent(fields, "function_memory_size", memoryMb == null ? null : memoryMb.toString());
        putIfPresent(fields, "function_request_id", requestId);
        putIfPresent(fields, "xray_trace_id", traceId());
        putIfPresent(fields, "service", service);
        if (samplingRate > 0) {
            fields.put("sampling_rate", Double.toString(samplingRate));
        }
        return fields;
    }

    /** Adds the fields to a JSON line as top-level fields, booleans and numbers as such. */
    public void writeTo(ObjectNode line) {
        line.put("cold_start", coldStart);
        putIfPresent(line, "function_name", functionName);
        putIfPresent(line, "function_version", functionVersion);
        putIfPresent(line, "function_arn", functionArn);
        if (memoryMb != null) {
            line.put("function_memory_size", memoryMb.intValue());
        }
        putIfPresent(line, "function_request_id", requestId);
        putIfPresent(line, "xray_trace_id", traceId());
        putIfPresent(line, "service", service);
        if (samplingRate > 0) {
            line.put("sampling_rate", samplingRate);
        }
    }

    /** Makes this the current context of this thread and puts its fields in the MDC, until the scope is closed. */
    public Scope enter() {
        InvocationContext previous = CURRENT.get();
        CURRENT.set(this);
        Map<String, String> fields = fields();
        fields.forEach(MDC::put);
        return () -> {
            fields.keySet().forEach(MDC::remove);
            if (previous != null) {
                previous.fields().forEach(MDC::put);
                CURRENT.set(previous);
            } else {
                CURRENT.remove();
            }
        };
    }

    /** {@code task} to run on another thread within this context (its log lines carry the fields). */
    public <T> Callable<T> wrap(Callable<T> task) {
        return () -> {
            try (Scope scope = enter()) {
                return task.call();
            }
        };
    }

    /** The context entered by {@link #enter()}; closing it clears what it set. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static void putIfPresent(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    private static void putIfPresent(ObjectNode line, String key, String value) {
        if (value != null) {
            line.put(key, value);
        }
    }
}
