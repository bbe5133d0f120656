package dev.nanoclassifier.observability;

import java.util.regex.Pattern;

/**
 * The X-Ray trace header of the current invocation ({@code Root=1-...;Parent=...;Sampled=1}), as
 * Lambda hands it to the runtime in the {@code Lambda-Runtime-Trace-Id} header of each event.
 *
 * <p>Where it is found: Quarkus' own poll loop (native, {@code provided.al2023}) and the AWS
 * runtime interface client (the {@code java21} runtime) both copy that header into the system
 * property {@code com.amazonaws.xray.traceHeader} before they call the handler; runtimes that set
 * the environment variable {@code _X_AMZN_TRACE_ID} instead are read second. A value without a
 * well-formed {@code Root} (the Quarkus mock event server sends a random UUID) is no trace.
 *
 * @param root the trace id, {@code 1-<8 hex>-<24 hex>}, as Powertools logs it in {@code xray_trace_id}
 * @param parent the id of the function's segment (16 hex), the parent of our subsegments; null if absent
 * @param sampled whether Lambda records this trace ({@code Sampled=1})
 */
public record TraceHeader(String root, String parent, boolean sampled) {

    /** The system property the Lambda runtimes set per invocation. */
    public static final String PROPERTY = "com.amazonaws.xray.traceHeader";
    /** The environment variable of runtimes that use one. */
    public static final String ENVIRONMENT = "_X_AMZN_TRACE_ID";

    private static final Pattern ROOT = Pattern.compile("1-[0-9a-fA-F]{8}-[0-9a-fA-F]{24}");
    private static final Pattern SEGMENT_ID = Pattern.compile("[0-9a-fA-F]{16}");

    /** The header of the invocation running now, or null. */
    public static TraceHeader current() {
        TraceHeader header = parse(System.getProperty(PROPERTY));
        return header != null ? header : parse(System.getenv(ENVIRONMENT));
    }

    /** Parses a trace header; null when it has no well-formed {@code Root}. */
    public static TraceHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String root = null;
        String parent = null;
        boolean sampled = false;
        for (String part : header.split(";")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = part.substring(0, equals).trim();
            String value = part.substring(equals + 1).trim();
            switch (key) {
                case "Root" -> root = ROOT.matcher(value).matches() ? value : null;
                case "Parent" -> parent = SEGMENT_ID.matcher(value).matches() ? value : null;
                case "Sampled" -> sampled = "1".equals(value);
                default -> {
                }
            }
        }
        return root == null ? null : new TraceHeader(root, parent, sampled);
    }

    /** Whether subsegments of this invocation can be recorded: sampled, and with a parent segment. */
    public boolean recordable() {
        return sampled && parent != null;
    }
}
