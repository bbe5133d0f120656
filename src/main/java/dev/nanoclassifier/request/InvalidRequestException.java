package dev.nanoclassifier.request;

/**
 * A request the function cannot work on. The message always starts with the field at fault
 * ({@code "labels: at least 2 labels are required"}) and never quotes the caller's text.
 * Thrown out of a direct invocation, its class name is the Lambda error type.
 */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String problem) {
        super(field + ": " + problem, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The machine-readable error code callers get. */
    public String code() {
        return "invalid_request";
    }
}
