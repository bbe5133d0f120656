package dev.nanoclassifier.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The model call as an X-Ray subsegment, received by a local UDP socket standing in for the X-Ray
 * daemon, and checked against the rules of X-Ray's segment documents
 * (https://docs.aws.amazon.com/xray/latest/devguide/xray-api-segmentdocuments.html and
 * xray-api-sendingdata.html): the daemon header line, then a subsegment sent separately with
 * {@code type} {@code subsegment}, a 16-hex {@code id}, the trace's {@code trace_id}, the
 * {@code parent_id} of the function's segment from the trace header, start and end in epoch
 * seconds, a name of the allowed characters, and annotations with alphanumeric keys and scalar values.
 */
class ModelCallTracingTest {

    /** The trace header example of the X-Ray developer guide (tracing header section). */
    private static final String SAMPLED = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    private static final String URL = "https://api.openai.com/v1/chat/completions";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern TRACE_ID = Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}\\s_.:/%&#=+\\\\\\-@]{1,200}");
    private static final Pattern ANNOTATION_KEY = Pattern.compile("[A-Za-z0-9_]{1,500}");
    private static final Set<String> SUBSEGMENT_FIELDS = Set.of("name", "id", "trace_id", "parent_id", "type",
            "start_time", "end_time", "namespace", "http", "annotations", "error", "throttle", "fault");

    private DatagramSocket daemon;
    private InvocationContext.Scope scope;

    @BeforeEach
    void daemon() throws IOException {
        daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        daemon.setSoTimeout(2000);
    }

    @AfterEach
    void close() {
        if (scope != null) {
            scope.close();
        }
        daemon.close();
    }

    private ModelCallTracing tracingTo(String address) {
        return new ModelCallTracing(JSON, new XRayDaemon(address), true);
    }

    private String daemonAddress() {
        return "127.0.0.1:" + daemon.getLocalPort();
    }

    private void invocationWithTrace(String header) {
        scope = new InvocationContext("req-1", false, "fn", "1", null, 256, "svc", TraceHeader.parse(header), 0, false)
                .enter();
    }

    private String receive() throws IOException {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        daemon.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void aSampledCallIsSentAsASubsegmentOfTheFunctionsSegment() throws Exception {
        invocationWithTrace(SAMPLED);
        ModelCallTracing tracing = tracingTo(daemonAddress());

        long before = System.currentTimeMillis();
        ModelCallTracing.Call call = tracing.begin("gpt-5.4-nano", "POST", URL, 1);
        Thread.sleep(20);
        call.status(200).end();
        long after = System.currentTimeMillis();

        String datagram = receive();
        String[] parts = datagram.split("\n", 2);
        assertEquals("{\"format\":\"json\",\"version\":1}", parts[0], "the daemon's header line");
        JsonNode document = JSON.readTree(parts[1]);
        assertTrue(SUBSEGMENT_FIELDS.containsAll(iterable(document.fieldNames())), "unknown fields in " + document);
        assertEquals("api.openai.com", document.get("name").asText());
        assertTrue(NAME.matcher(document.get("name").asText()).matches());
        assertTrue(ID.matcher(document.get("id").asText()).matches(), document.get("id").asText());
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", document.get("trace_id").asText());
        assertTrue(TRACE_ID.matcher(document.get("trace_id").asText()).matches());
        assertEquals("53995c3f42cd8ad8", document.get("parent_id").asText());
        assertEquals("subsegment", document.get("type").asText());
        assertEquals("remote", document.get("namespace").asText());
        double start = document.get("start_time").asDouble();
        double end = document.get("end_time").asDouble();
        assertTrue(document.get("start_time").isFloatingPointNumber() && document.get("end_time").isFloatingPointNumber());
        assertTrue(start >= before / 1000.0 && end <= after / 1000.0 && end - start >= 0.019, start + " .. " + end);
        assertEquals("POST", document.at("/http/request/method").asText());
        assertEquals(URL, document.at("/http/request/url").asText());
        assertEquals(200, document.at("/http/response/status").asInt());
        assertFalse(document.has("error") || document.has("fault") || document.has("throttle"));
        JsonNode annotations = document.get("annotations");
        iterable(annotations.fieldNames()).forEach(key -> {
            assertTrue(ANNOTATION_KEY.matcher(key).matches(), key);
            assertTrue(annotations.get(key).isValueNode(), key);
        });
        assertEquals("gpt-5.4-nano", annotations.get("model").asText());
        assertEquals(1, annotations.get("try").asInt());
        assertEquals("ok", annotations.get("outcome").asText());
    }

    @Test
    void failuresAreMarkedAsX_RayDoes() throws Exception {
        invocationWithTrace(SAMPLED);
        ModelCallTracing tracing = tracingTo(daemonAddress());

        tracing.begin("m", "POST", URL, 1).status(429).outcome("rate_limited").end();
        tracing.begin("m", "POST", URL, 2).status(400).outcome("model_error").end();
        tracing.begin("m", "POST", URL, 3).status(503).outcome("unavailable").end();
        tracing.begin("m", "POST", URL, 4).outcome("timeout").end();

        JsonNode throttled = JSON.readTree(receive().split("\n", 2)[1]);
        JsonNode clientError = JSON.readTree(receive().split("\n", 2)[1]);
        JsonNode serverError = JSON.readTree(receive().split("\n", 2)[1]);
        JsonNode timedOut = JSON.readTree(receive().split("\n", 2)[1]);
        assertTrue(throttled.get("throttle").asBoolean() && throttled.get("error").asBoolean());
        assertTrue(clientError.get("error").asBoolean() && !clientError.has("fault"));
        assertTrue(serverError.get("fault").asBoolean() && !serverError.has("error"));
        assertTrue(timedOut.get("fault").asBoolean() && !timedOut.at("/http").has("response"));
        assertEquals("timeout", timedOut.at("/annotations/outcome").asText());
        assertEquals(List.of(1, 2, 3, 4), List.of(throttled.at("/annotations/try").asInt(),
                clientError.at("/annotations/try").asInt(), serverError.at("/annotations/try").asInt(),
                timedOut.at("/annotations/try").asInt()));
    }

    @Test
    void nothingIsSentWhenTheTraceIsNotSampledOrThereIsNoTrace() {
        ModelCallTracing tracing = tracingTo(daemonAddress());

        invocationWithTrace("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
        ModelCallTracing.Call unsampled = tracing.begin("m", "POST", URL, 1);
        unsampled.end();
        scope.close();
        invocationWithTrace(null);
        ModelCallTracing.Call untraced = tracing.begin("m", "POST", URL, 1);
        untraced.end();

        assertFalse(unsampled.recorded());
        assertFalse(untraced.recorded());
        assertThrows(SocketTimeoutException.class, this::receive);
    }

    @Test
    void nothingIsBuiltWithoutADaemonAddress() {
        invocationWithTrace(SAMPLED);

        assertFalse(tracingTo(null).begin("m", "POST", URL, 1).recorded());
        assertFalse(tracingTo("").begin("m", "POST", URL, 1).recorded());
        assertFalse(new ModelCallTracing(JSON, new XRayDaemon(daemonAddress()), false).begin("m", "POST", URL, 1).recorded());
    }

    @Test
    void aDaemonThatIsNotThereNeverFailsTheCall() throws IOException {
        invocationWithTrace(SAMPLED);
        int closedPort;
        try (DatagramSocket gone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }

        for (String address : List.of("127.0.0.1:" + closedPort, "no-such-host.invalid:2000")) {
            ModelCallTracing tracing = tracingTo(address);
            for (int i = 0; i < 3; i++) {
                ModelCallTracing.Call call = tracing.begin("m", "POST", URL, i + 1).status(200);
                assertTrue(call.recorded());
                call.end();
            }
        }
    }

    @Test
    void theDaemonAddressIsReadInBothOfItsForms() {
        assertEquals("169.254.79.129:2000", text(XRayDaemon.udpAddress("169.254.79.129:2000")));
        assertEquals("127.0.0.1:2000", text(XRayDaemon.udpAddress("tcp:127.0.0.1:2001 udp:127.0.0.1:2000")));
        assertEquals("127.0.0.1:2000", text(XRayDaemon.udpAddress("udp:127.0.0.1:2000 tcp:127.0.0.1:2001")));
        assertNull(XRayDaemon.udpAddress("tcp:127.0.0.1:2001"));
        assertNull(XRayDaemon.udpAddress("localhost"));
        assertNull(XRayDaemon.udpAddress("localhost:notaport"));
    }

    private static String text(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new java.util.ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
