package dev.nanoclassifier.bench.lambda;

/**
 * One invocation as the Runtime API saw it.
 *
 * @param requestId  the {@code Lambda-Runtime-Aws-Request-Id} handed out
 * @param traceId    the {@code Lambda-Runtime-Trace-Id} handed out
 * @param error      true when the function posted {@code /error} instead of {@code /response}
 * @param errorType  the {@code Lambda-Runtime-Function-Error-Type} header of an error, else null
 * @param body       the response (or error) body
 * @param durationMs from the moment {@code /next} handed out the event to the moment the answer arrived
 *                   (what Lambda reports as Duration)
 */
public record Invocation(String requestId, String traceId, boolean error, String errorType, String body, double durationMs) {
}
