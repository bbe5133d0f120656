package dev.nanoclassifier.bench.model;

import dev.nanoclassifier.bench.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeModelTest {

    private final FakeModel model = start();
    private final HttpClient http = HttpClient.newHttpClient();

    private static FakeModel start() {
        try {
            return FakeModel.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        model.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + model.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String schemaRequest(String property, String schema) {
        return "{\"model\":\"m1\",\"messages\":[],\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\","
                + "\"strict\":true,\"schema\":{\"type\":\"object\",\"properties\":{\"" + property + "\":" + schema + "},"
                + "\"required\":[\"" + property + "\"],\"additionalProperties\":false}}}}";
    }

    private static Object content(HttpResponse<String> r) {
        Object first = ((List<?>) Json.path(Json.parse(r.body()), "choices")).get(0);
        return Json.parse((String) Json.path(first, "message", "content"));
    }

    @Test
    void fillsTheStrictSchemaInTheChatCompletionShape() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", schemaRequest("label", "{\"type\":\"string\",\"enum\":[\"billing\",\"bug\"]}"));
        assertEquals(200, r.statusCode());
        Object body = Json.parse(r.body());
        assertEquals("chat.completion", Json.path(body, "object"));
        assertEquals("m1", Json.path(body, "model"));
        assertEquals(125L, Json.path(body, "usage", "total_tokens"));
        assertEquals(Map.of("label", "billing"), content(r));
        assertEquals(1, model.calls());

        HttpResponse<String> rank = post("/v1/chat/completions",
                schemaRequest("ranking", "{\"type\":\"array\",\"items\":{\"type\":\"string\",\"enum\":[\"b\",\"a\"]}}"));
        assertEquals(Map.of("ranking", List.of("b", "a")), content(rank));
    }

    @Test
    void aCustomAnswererDecidesTheReply() throws Exception {
        model.answerer((request, raw) -> Json.path(request, "model").equals("m1")
                ? ModelReply.content("m1", Map.of("label", "bug"))
                : ModelReply.error(429, "rate_limit_exceeded", "slow down"));
        assertEquals(Map.of("label", "bug"), content(post("/v1/chat/completions", schemaRequest("label", "{\"enum\":[\"x\"]}"))));
        HttpResponse<String> limited = post("/v1/chat/completions", "{\"model\":\"other\"}");
        assertEquals(429, limited.statusCode());
        assertEquals("rate_limit_exceeded", Json.path(Json.parse(limited.body()), "error", "type"));
        assertEquals("{\"model\":\"other\"}", model.lastRequestBody());
    }

    @Test
    void otherPathsAre404AndCounted() throws Exception {
        assertEquals(404, post("/aws/secretsmanager", "{}").statusCode());
        assertEquals(1, model.unexpectedRequests());
        assertTrue(model.unexpectedPaths().get(0).endsWith("/aws/secretsmanager"));
        assertEquals(0, model.calls());
    }

    @Test
    void waitsTheConfiguredLatency() throws Exception {
        model.latencyMs(120);
        long t0 = System.nanoTime();
        post("/v1/chat/completions", schemaRequest("label", "{\"enum\":[\"x\"]}"));
        assertTrue((System.nanoTime() - t0) / 1e6 >= 120);
    }
}
