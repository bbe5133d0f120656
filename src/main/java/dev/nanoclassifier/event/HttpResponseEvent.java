package dev.nanoclassifier.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The response API Gateway expects from a Lambda proxy integration (v1 and v2 alike). */
@RegisterForReflection
public record HttpResponseEvent(int statusCode, Map<String, String> headers, String body,
        @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

    public static HttpResponseEvent json(int status, String body) {
        return new HttpResponseEvent(status, Map.of("Content-Type", "application/json"), body, false);
    }

    public static HttpResponseEvent json(int status, String body, String header, String value) {
        return new HttpResponseEvent(status, Map.of("Content-Type", "application/json", header, value), body, false);
    }
}
