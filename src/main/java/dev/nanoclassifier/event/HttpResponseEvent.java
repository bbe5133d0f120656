package dev.nanoclassifier.event;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The response API Gateway (v1 and v2) and an Application Load Balancer expect from a Lambda
 * function. An ALB also needs {@code statusDescription}, and {@code multiValueHeaders} instead of
 * {@code headers} when its target group has multi-value headers on; API Gateway gets neither.
 * Null fields are left out of its JSON ({@link #serialize}).
 */
@RegisterForReflection
public record HttpResponseEvent(int statusCode, String statusDescription, Map<String, String> headers,
        Map<String, List<String>> multiValueHeaders, String body, boolean isBase64Encoded) implements WritesOwnJson {

    public HttpResponseEvent(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {
        this(statusCode, null, headers, null, body, isBase64Encoded);
    }

    public static HttpResponseEvent json(int status, String body) {
        return new HttpResponseEvent(status, Map.of("Content-Type", "application/json"), body, false);
    }

    public static HttpResponseEvent json(int status, String body, String header, String value) {
        return new HttpResponseEvent(status, Map.of("Content-Type", "application/json", header, value), body, false);
    }

    /** This response as an ALB target answers: with a status description, headers multi-valued if asked. */
    public HttpResponseEvent forLoadBalancer(boolean multiValueHeaders) {
        String description = statusCode + " " + reasonPhrase(statusCode);
        if (!multiValueHeaders) {
            return new HttpResponseEvent(statusCode, description, headers, null, body, isBase64Encoded);
        }
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new HttpResponseEvent(statusCode, description, null, multi, body, isBase64Encoded);
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeNumberField("statusCode", statusCode);
        if (statusDescription != null) {
            g.writeStringField("statusDescription", statusDescription);
        }
        if (headers != null) {
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                g.writeStringField(header.getKey(), header.getValue());
            }
            g.writeEndObject();
        }
        if (multiValueHeaders != null) {
            g.writeObjectFieldStart("multiValueHeaders");
            for (Map.Entry<String, List<String>> header : multiValueHeaders.entrySet()) {
                g.writeArrayFieldStart(header.getKey());
                for (String value : header.getValue()) {
                    g.writeString(value);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        if (body != null) {
            g.writeStringField("body", body);
        }
        g.writeBooleanField("isBase64Encoded", isBase64Encoded);
        g.writeEndObject();
    }
}
