package dev.nanoclassifier.classifier.model;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An answer with a status other than 2xx: the status, the headers the retry rules read
 * ({@code retry-after-ms}, {@code Retry-After}, {@code x-should-retry}) and the body (an OpenAI
 * error object, or anything a proxy sends). The message holds only the status: the body can quote
 * the caller's text.
 */
public final class HttpStatusException extends Exception {

    /** The response headers {@link RetryPolicy} and {@link ModelEndpoint} read. */
    static final String[] KEPT_HEADERS = { "retry-after-ms", "retry-after", "x-should-retry" };

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    /**
     * @param headerValue a response header's value by name (any case), null when absent
     */
    public HttpStatusException(int status, UnaryOperator<String> headerValue, byte[] body) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.headers = new HashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = headerValue.apply(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        this.body = body == null ? new byte[0] : body;
    }

    public int status() {
        return status;
    }

    /** One of {@link #KEPT_HEADERS}, any case; null when the answer did not have it. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body as UTF-8 text; null when empty. */
    public String body() {
        return body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
    }
}
