package dev.nanoclassifier.request;

/**
 * A request the function cannot work on. The message always starts with the field at fault
 * ({@code "labels: at least 2 labels are required"}) and never quotes the caller's text.
 * Thrown out of a direct invocation, its class name is the Lambda error type.
 */
public class InvalidRequestException extends RuntimeException {

    private final String field;
    private final String code;

    public InvalidRequestException(String field, String problem) {
        this("invalid_request", field, problem);
    }

    /** A refusal with its own error code ({@code payload_too_large}). */
    public InvalidRequestException(String code, String field, String problem) {
        super(field + ": " + problem, null, false, false);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    /** The machine-readable error code callers get. */
    public String code() {
        return code;
    }
}
