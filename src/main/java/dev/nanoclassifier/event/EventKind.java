package dev.nanoclassifier.event;

import com.fasterxml.jackson.databind.JsonNode;

/** The trigger an incoming Lambda event came from, told apart by its shape. */
public enum EventKind {
    /** API Gateway HTTP API, payload format 2.0. */
    HTTP_API_V2,
    /** API Gateway REST API proxy integration (payload format 1.0). */
    REST_API_V1,
    /** An SQS batch. */
    SQS,
    /** Anything else: the request JSON itself, invoked directly. */
    DIRECT;

    public static EventKind of(JsonNode event) {
        if (event == null || !event.isObject()) {
            return DIRECT;
        }
        JsonNode records = event.get("Records");
        if (records != null && records.isArray() && !records.isEmpty()
                && "aws:sqs".equals(records.get(0).path("eventSource").asText())) {
            return SQS;
        }
        if (event.has("requestContext")) {
            if ("2.0".equals(event.path("version").asText()) && event.path("requestContext").has("http")) {
                return HTTP_API_V2;
            }
            if (event.has("httpMethod")) {
                return REST_API_V1;
            }
        }
        return DIRECT;
    }

    public String trigger() {
        return switch (this) {
            case HTTP_API_V2, REST_API_V1 -> "apigateway";
            case SQS -> "sqs";
            case DIRECT -> "direct";
        };
    }
}
