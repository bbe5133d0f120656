package dev.nanoclassifier.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;

/**
 * Real AWS sample events (src/test/resources/events, see SOURCES.md there) with their route and
 * body set for a test, posted to the Quarkus Lambda mock event server.
 */
public final class LambdaEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Quarkus' mock event server; its port can be moved (parallel builds) with the same Quarkus key. */
    private static final String EVENT_SERVER = "http://localhost:" + System.getProperty(
            "quarkus.lambda.mock-event-server.test-port",
            java.util.Objects.requireNonNullElse(System.getenv("QUARKUS_LAMBDA_MOCK_EVENT_SERVER_TEST_PORT"), "8081"));

    private LambdaEvents() {
    }

    /** Invokes the function with {@code event} and returns the runtime's answer (500 = function error). */
    public static Response invoke(String event) {
        // The mock event server answers with whatever content type the runtime client posted the result with.
        Response response = given().contentType("application/json").body(event).when().post(EVENT_SERVER);
        return new ResponseBuilder().clone(response).setContentType("application/json").build();
    }

    public static Response invoke(ObjectNode event) {
        return invoke(event.toString());
    }

    /** The API Gateway HTTP API (payload 2.0) sample with method, path and body replaced. */
    public static ObjectNode httpApiV2(String method, String path, String body) {
        ObjectNode event = fixture("apigw-http-v2.json");
        event.put("rawPath", path);
        event.put("routeKey", method + " " + path);
        ObjectNode http = (ObjectNode) event.get("requestContext").get("http");
        http.put("method", method);
        http.put("path", path);
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }

    public static ObjectNode httpApiV2Base64(String method, String path, String body) {
        ObjectNode event = httpApiV2(method, path, Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        event.put("isBase64Encoded", true);
        return event;
    }

    /** The API Gateway REST API (v1 proxy) sample with method, path and body replaced. */
    public static ObjectNode restApiV1(String method, String path, String body) {
        ObjectNode event = fixture("apigw-rest-v1.json");
        event.put("path", path);
        event.put("httpMethod", method);
        event.put("resource", path);
        ((ObjectNode) event.get("requestContext")).put("httpMethod", method);
        event.put("body", body);
        return event;
    }

    /** The SQS sample batch with its records replaced by one record per body (new message ids). */
    public static ObjectNode sqs(String... bodies) {
        ObjectNode event = fixture("sqs-batch.json");
        ObjectNode template = (ObjectNode) event.get("Records").get(0);
        ArrayNode records = event.putArray("Records");
        for (String body : bodies) {
            ObjectNode record = template.deepCopy();
            record.put("messageId", UUID.randomUUID().toString());
            record.put("body", body);
            records.add(record);
        }
        return event;
    }

    /** The SNS sample (a direct subscription) with one record per message (new message ids). */
    public static ObjectNode sns(String... messages) {
        ObjectNode event = fixture("sns-notification.json");
        ObjectNode template = (ObjectNode) event.get("Records").get(0);
        ArrayNode records = event.putArray("Records");
        for (String message : messages) {
            ObjectNode record = template.deepCopy();
            ((ObjectNode) record.get("Sns")).put("MessageId", UUID.randomUUID().toString()).put("Message", message);
            records.add(record);
        }
        return event;
    }

    /**
     * The SNS-to-SQS sample (raw message delivery off) with one record per message: each SQS body is
     * the sample's SNS envelope with its {@code Message} replaced (new SQS and SNS message ids).
     */
    public static ObjectNode sqsSnsEnvelope(String... messages) {
        ObjectNode event = fixture("sqs-sns-envelope.json");
        ObjectNode template = (ObjectNode) event.get("Records").get(0);
        ArrayNode records = event.putArray("Records");
        try {
            for (String message : messages) {
                ObjectNode envelope = (ObjectNode) JSON.readTree(template.get("body").asText());
                envelope.put("MessageId", UUID.randomUUID().toString()).put("Message", message);
                ObjectNode record = template.deepCopy();
                record.put("messageId", UUID.randomUUID().toString());
                record.put("body", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(envelope));
                records.add(record);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return event;
    }

    /** The EventBridge sample with {@code detail} replaced by {@code detailJson} (a new event id). */
    public static ObjectNode eventBridge(String detailJson) {
        ObjectNode event = fixture("eventbridge-custom.json");
        try {
            event.set("detail", JSON.readTree(detailJson));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        event.put("id", UUID.randomUUID().toString());
        return event;
    }

    /** The ALB target sample (single-value headers) with method, path and body replaced. */
    public static ObjectNode alb(String method, String path, String body) {
        return withRequest(fixture("alb-target.json"), method, path, body);
    }

    /** The ALB target sample with multi-value headers enabled, with method, path and body replaced. */
    public static ObjectNode albMultiValue(String method, String path, String body) {
        return withRequest(fixture("alb-target-multivalue.json"), method, path, body);
    }

    private static ObjectNode withRequest(ObjectNode event, String method, String path, String body) {
        event.put("httpMethod", method);
        event.put("path", path);
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }

    public static ObjectNode fixture(String name) {
        try (InputStream in = LambdaEvents.class.getResourceAsStream("/events/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    public static String messageId(ObjectNode sqsEvent, int index) {
        return sqsEvent.get("Records").get(index).get("messageId").asText();
    }
}
