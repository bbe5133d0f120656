package dev.nanoclassifier.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Decoding API Gateway envelopes (v1 and v2) into method, path and body, over the real AWS samples. */
class HttpRequestEventTest {

    private static final String REQUEST = "{\"input\":\"the export crashes\",\"labels\":[\"bug\",\"billing\"]}";

    @Test
    void anHttpApiV2EventGivesItsMethodRawPathAndBody() {
        ObjectNode event = EventFixtures.read("apigw-http-v2.json");

        HttpRequestEvent request = HttpRequestEvent.fromV2(event);

        assertEquals("POST", request.method());
        assertEquals("/my/path", request.path());
        assertEquals("Hello from Lambda!!", request.bodyText());
        assertEquals(1583348638390L, request.receivedAtMillis(), "requestContext.timeEpoch");
    }

    @Test
    void anHttpApiV2EventWithoutRawPathFallsBackToTheRequestContextPath() {
        ObjectNode event = EventFixtures.read("apigw-http-v2.json");
        event.remove("rawPath");
        ((ObjectNode) event.path("requestContext").path("http")).put("path", "/classify");

        assertEquals("/classify", HttpRequestEvent.fromV2(event).path());
    }

    @Test
    void anHttpApiV2EventWithoutBodyHasNoBodyEvenWhenMarkedBase64() {
        ObjectNode event = EventFixtures.read("apigw-http-v2-nobody.json");

        HttpRequestEvent request = HttpRequestEvent.fromV2(event);

        assertEquals("GET", request.method());
        assertEquals("/default/nodejs-apig-function-1G3XMPLZXVXYI", request.path());
        assertNull(request.body());
        assertNull(request.bodyText());
    }

    @Test
    void aRestApiV1EventGivesItsHttpMethodPathAndBody() {
        ObjectNode event = EventFixtures.read("apigw-rest-v1.json");

        HttpRequestEvent request = HttpRequestEvent.fromV1(event);

        assertEquals("POST", request.method());
        assertEquals("/path/to/resource", request.path());
        assertEquals("{\"message\": \"Lambda rocks\"}", request.bodyText());
        assertEquals(1428582896000L, request.receivedAtMillis(), "requestContext.requestTimeEpoch");
    }

    @Test
    void anAlbEventGivesItsMethodPathAndBodyButNoReceiveTime() {
        ObjectNode event = EventFixtures.read("alb-target.json");

        HttpRequestEvent request = HttpRequestEvent.fromAlb(event);

        assertEquals("GET", request.method());
        assertEquals("/", request.path());
        assertEquals("Hello from ELB", request.bodyText());
        assertEquals(0, request.receivedAtMillis());
    }

    @Test
    void anAlbEventWithAnEmptyBodyHasAnEmptyBody() {
        HttpRequestEvent request = HttpRequestEvent.fromAlb(EventFixtures.read("alb-target-multivalue.json"));

        assertEquals("/todos", request.path());
        assertEquals("", request.bodyText());
    }

    @Test
    void aBase64BodyIsDecodedToTheBytesTheCallerSent() {
        byte[] sent = REQUEST.replace("crashes", "stürzt ab").getBytes(StandardCharsets.UTF_8);
        ObjectNode event = EventFixtures.read("apigw-http-v2.json");
        event.put("body", Base64.getEncoder().encodeToString(sent)).put("isBase64Encoded", true);

        HttpRequestEvent request = HttpRequestEvent.fromV2(event);

        assertArrayEquals(sent, request.body());
        assertEquals(new String(sent, StandardCharsets.UTF_8), request.bodyText());
    }

    @Test
    void aBodyNotMarkedBase64IsTakenAsTextEvenIfItLooksLikeBase64() {
        String text = Base64.getEncoder().encodeToString(REQUEST.getBytes(StandardCharsets.UTF_8));
        ObjectNode event = EventFixtures.read("apigw-rest-v1.json");
        event.put("body", text);

        assertEquals(text, HttpRequestEvent.fromV1(event).bodyText());
    }

    @Test
    void aBodyMarkedBase64ThatIsNotBase64IsADecodeErrorNamingBody() {
        ObjectNode event = EventFixtures.read("apigw-rest-v1.json");
        event.put("body", REQUEST).put("isBase64Encoded", true);

        EventDecodeException error = assertThrows(EventDecodeException.class, () -> HttpRequestEvent.fromV1(event));

        assertEquals("body", error.field());
        assertEquals("is marked isBase64Encoded but is not valid base64", error.problem());
        assertFalse(error.getMessage().contains("crashes"), "the error quotes the caller's text");
    }

    @Test
    void aNonStringBodyIsADecodeErrorNamingBody() {
        ObjectNode event = EventFixtures.read("apigw-http-v2.json");
        event.set("body", EventFixtures.JSON.createObjectNode().put("input", "the export crashes"));

        EventDecodeException error = assertThrows(EventDecodeException.class, () -> HttpRequestEvent.fromV2(event));

        assertEquals("body", error.field());
        assertEquals("body: must be a string in the API Gateway event", error.getMessage());
    }

    @Test
    void aNumericBodyInARestApiEventIsADecodeErrorToo() {
        ObjectNode event = EventFixtures.read("apigw-rest-v1.json");
        event.put("body", 42);

        EventDecodeException error = assertThrows(EventDecodeException.class, () -> HttpRequestEvent.fromV1(event));

        assertEquals("must be a string in the API Gateway event", error.problem());
    }

    @Test
    void aNullBodyIsNoBody() {
        ObjectNode event = EventFixtures.read("apigw-rest-v1.json");
        event.putNull("body");

        assertNull(HttpRequestEvent.fromV1(event).body());
    }
}
