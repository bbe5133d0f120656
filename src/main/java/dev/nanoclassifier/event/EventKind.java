package dev.nanoclassifier.event;

import com.fasterxml.jackson.databind.JsonNode;

/** The trigger an incoming Lambda event came from, told apart by its shape. */
public enum EventKind {
    /** API Gateway HTTP API, payload format 2.0. */
    HTTP_API_V2,
    /** API Gateway REST API proxy integration (payload format 1.0). */
    REST_API_V1,
    /** An Application Load Balancer with the function as its target ({@code requestContext.elb}). */
    ALB,
    /** An SQS batch. */
    SQS,
    /** An SNS notification (a direct subscription). */
    SNS,
    /** An EventBridge event ({@code detail-type}, {@code source}, {@code detail}). */
    EVENTBRIDGE,
    /** Anything else: the request JSON itself, invoked directly. */
    DIRECT;

    public static EventKind of(JsonNode event) {
        if (event == null || !event.isObject()) {
            return DIRECT;
        }
        JsonNode records = event.get("Records");
        if (records != null && records.isArray() && !records.isEmpty()) {
            if ("aws:sqs".equals(records.get(0).path("eventSource").asText())) {
                return SQS;
            }
            if ("aws:sns".equals(records.get(0).path("EventSource").asText())) {
                return SNS;
            }
        }
        if (event.has("detail-type") && event.has("source") && event.has("detail")) {
            return EVENTBRIDGE;
        }
        if (event.has("requestContext")) {
            if (event.path("requestContext").has("elb")) {
                return ALB;
            }
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
            case ALB -> "alb";
            case SQS -> "sqs";
            case SNS -> "sns";
            case EVENTBRIDGE -> "eventbridge";
            case DIRECT -> "direct";
        };
    }

    /** API Gateway answers the client itself after its integration timeout, whatever the function does. */
    public boolean apiGateway() {
        return this == HTTP_API_V2 || this == REST_API_V1;
    }
}
