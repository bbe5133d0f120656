package dev.nanoclassifier.event;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of an API Gateway event (v1 or v2) the function routes on, with the body decoded.
 * An envelope whose body cannot be decoded is an {@link EventDecodeException} naming {@code body}.
 */
public record HttpRequestEvent(String method, String path, byte[] body) {

    public static HttpRequestEvent fromV2(JsonNode event) {
        JsonNode http = event.path("requestContext").path("http");
        String path = event.hasNonNull("rawPath") ? event.get("rawPath").asText() : http.path("path").asText("/");
        return new HttpRequestEvent(http.path("method").asText("GET"), path, body(event));
    }

    public static HttpRequestEvent fromV1(JsonNode event) {
        return new HttpRequestEvent(event.path("httpMethod").asText("GET"), event.path("path").asText("/"), body(event));
    }

    public String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    private static byte[] body(JsonNode event) {
        JsonNode body = event.get("body");
        if (body == null || body.isNull()) {
            return null;
        }
        if (!body.isTextual()) {
            throw new EventDecodeException("body", "must be a string in the API Gateway event");
        }
        if (event.path("isBase64Encoded").asBoolean(false)) {
            try {
                return Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                throw new EventDecodeException("body", "is marked isBase64Encoded but is not valid base64");
            }
        }
        return body.asText().getBytes(StandardCharsets.UTF_8);
    }
}
