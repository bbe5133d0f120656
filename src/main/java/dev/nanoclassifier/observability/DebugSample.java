package dev.nanoclassifier.observability;

import java.time.Instant;
import java.util.Iterator;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The debug sample: for the invocations drawn by {@code classifier.observability.debug-sample-rate}
 * ({@code POWERTOOLS_LOGGER_SAMPLE_RATE}), one DEBUG line with the metadata of the event, written
 * whatever the log level so that a small fraction of production traffic can be looked at closely.
 *
 * <p>Metadata only, by construction: the trigger's route and method, header names (never their
 * values: {@code Authorization} lives there), body sizes, the top-level field names of a direct
 * request, SQS message ids, receive counts and source queue, and the time left. Never a body, the
 * input text, a header value or a key.
 */
@Singleton
public class DebugSample {

    private final StdoutLines out;

    public DebugSample(StdoutLines out) {
        this.out = out;
    }

    /** Writes the line if {@code context} was drawn for the sample. */
    public void event(InvocationContext context, String trigger, JsonNode event, long remainingMillis) {
        if (context == null || !context.debugSampled()) {
            return;
        }
        ObjectNode line = out.newObject();
        line.put("timestamp", Instant.now().toString());
        line.put("level", "DEBUG");
        line.put("loggerName", "nano-classifier.sample");
        line.put("message", "request metadata (debug sample)");
        context.writeTo(line);
        line.put("trigger", trigger);
        line.put("remainingMs", remainingMillis);
        if (event != null && event.isObject()) {
            describe(event, line.putObject("event"));
        }
        out.write(line);
    }

    private static void describe(JsonNode event, ObjectNode into) {
        JsonNode requestContext = event.path("requestContext");
        JsonNode http = requestContext.path("http");
        if (http.isObject()) {
            copyText(http, "method", into, "method");
            copyText(http, "path", into, "path");
            copyText(event, "routeKey", into, "routeKey");
            copyText(event, "version", into, "payloadVersion");
        } else if (event.has("httpMethod")) {
            copyText(event, "httpMethod", into, "method");
            copyText(event, "path", into, "path");
            copyText(event, "resource", into, "resource");
        }
        copyText(requestContext, "stage", into, "stage");
        copyText(requestContext, "requestId", into, "apiRequestId");
        if (event.path("headers").isObject()) {
            ArrayNode names = into.putArray("headerNames");
            event.path("headers").fieldNames().forEachRemaining(names::add);
        }
        if (event.has("body")) {
            into.put("bodyChars", event.path("body").isTextual() ? event.path("body").asText().length() : 0);
            into.put("base64", event.path("isBase64Encoded").asBoolean(false));
        }
        if (event.path("Records").isArray()) {
            ArrayNode records = into.putArray("records");
            for (JsonNode record : event.path("Records")) {
                ObjectNode described = records.addObject();
                copyText(record, "messageId", described, "messageId");
                copyText(record, "eventSourceARN", described, "source");
                copyText(record.path("attributes"), "ApproximateReceiveCount", described, "receiveCount");
                copyText(record.path("attributes"), "MessageGroupId", described, "messageGroupId");
                described.put("bodyChars", record.path("body").asText("").length());
            }
        }
        if (!into.has("method") && !into.has("records")) {
            ArrayNode fields = into.putArray("fieldNames");
            for (Iterator<String> names = event.fieldNames(); names.hasNext();) {
                fields.add(names.next());
            }
        }
    }

    private static void copyText(JsonNode from, String field, ObjectNode into, String as) {
        JsonNode value = from.path(field);
        if (value.isValueNode() && !value.isNull()) {
            into.put(as, value.asText());
        }
    }
}
