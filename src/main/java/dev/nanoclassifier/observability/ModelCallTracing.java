package dev.nanoclassifier.observability;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.config.ClassifierConfig;

/**
 * Each HTTP call to a model, as an X-Ray subsegment of the function's segment, without the X-Ray
 * SDK (its start-up cost and size are out of proportion for one subsegment type). When Lambda
 * traces the invocation ({@code Tracing: Active}: {@code AWS_XRAY_DAEMON_ADDRESS} is set and the
 * trace header says {@code Sampled=1}), {@link Call#end()} sends an independent subsegment document
 * to the daemon: {@code type} {@code subsegment}, {@code parent_id} the header's {@code Parent},
 * {@code namespace} {@code remote}, the endpoint's host as its name (its node in the trace map),
 * the HTTP method, URL (no key: the key travels in a header) and status, {@code error} (4xx),
 * {@code throttle} (429) or {@code fault} (5xx, timeout, no answer), and annotations {@code model},
 * {@code try}, {@code outcome} that X-Ray filter expressions can search. Otherwise nothing is built
 * and nothing is sent.
 */
@Singleton
public class ModelCallTracing {

    private final ObjectMapper mapper;
    private final XRayDaemon daemon;
    private final boolean enabled;

    @Inject
    public ModelCallTracing(ObjectMapper mapper, ClassifierConfig config) {
        this(mapper, new XRayDaemon(config.observability().xrayDaemonAddress().orElse(null)),
                config.observability().tracing());
    }

    ModelCallTracing(ObjectMapper mapper, XRayDaemon daemon, boolean enabled) {
        this.mapper = mapper;
        this.daemon = daemon;
        this.enabled = enabled && daemon.configured();
    }

    /** Starts timing one call to {@code url} for {@code model}; a no-op unless the invocation is traced. */
    public Call begin(String model, String method, String url, int tryNumber) {
        if (!enabled) {
            return Call.NONE;
        }
        InvocationContext context = InvocationContext.current();
        TraceHeader trace = context == null ? null : context.trace();
        if (trace == null || !trace.recordable()) {
            return Call.NONE;
        }
        return new Call(this, trace, model, method, url, tryNumber, System.currentTimeMillis());
    }

    void send(Call call, long endMillis) {
        daemon.send(document(call, endMillis).toString());
    }

    ObjectNode document(Call call, long endMillis) {
        ObjectNode document = mapper.createObjectNode();
        document.put("name", hostOf(call.url));
        document.put("id", newId());
        document.put("trace_id", call.trace.root());
        document.put("parent_id", call.trace.parent());
        document.put("type", "subsegment");
        document.put("namespace", "remote");
        document.put("start_time", call.startMillis / 1000.0);
        document.put("end_time", Math.max(endMillis, call.startMillis) / 1000.0);
        ObjectNode http = document.putObject("http");
        http.putObject("request").put("method", call.method).put("url", call.url);
        if (call.status > 0) {
            http.putObject("response").put("status", call.status);
        }
        if (call.status == 429) {
            document.put("throttle", true);
            document.put("error", true);
        } else if (call.status >= 400 && call.status < 500) {
            document.put("error", true);
        } else if (call.status >= 500 || (call.status <= 0 && !"ok".equals(call.outcome))) {
            document.put("fault", true);
        }
        ObjectNode annotations = document.putObject("annotations");
        annotations.put("model", call.model);
        annotations.put("try", call.tryNumber);
        annotations.put("outcome", call.outcome);
        return document;
    }

    /** A 64-bit segment id, 16 hex digits, never all zero. */
    static String newId() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong();
        } while (id == 0);
        return String.format("%016x", id);
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "model" : host;
        } catch (IllegalArgumentException e) {
            return "model";
        }
    }

    /** One timed call; {@link #end()} sends it (once). */
    public static final class Call {

        static final Call NONE = new Call(null, null, null, null, null, 0, 0);

        private final ModelCallTracing tracing;
        private final TraceHeader trace;
        private final String model;
        private final String method;
        private final String url;
        private final int tryNumber;
        private final long startMillis;
        private int status;
        private String outcome = "ok";
        private boolean ended;

        private Call(ModelCallTracing tracing, TraceHeader trace, String model, String method, String url,
                int tryNumber, long startMillis) {
            this.tracing = tracing;
            this.trace = trace;
            this.model = model;
            this.method = method;
            this.url = url;
            this.tryNumber = tryNumber;
            this.startMillis = startMillis;
        }

        /** The HTTP status answered (0: none, e.g. a timeout). */
        public Call status(int httpStatus) {
            this.status = httpStatus;
            return this;
        }

        /** How the call ended: {@code ok} or a failure reason ({@code timeout}, {@code rate_limited}, ...). */
        public Call outcome(String callOutcome) {
            this.outcome = callOutcome;
            return this;
        }

        /** Whether this call is recorded (the invocation is traced). */
        public boolean recorded() {
            return tracing != null;
        }

        public void end() {
            if (tracing == null || ended) {
                return;
            }
            ended = true;
            tracing.send(this, System.currentTimeMillis());
        }
    }
}
