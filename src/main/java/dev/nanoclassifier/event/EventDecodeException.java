package dev.nanoclassifier.event;

/**
 * A trigger event whose envelope cannot be read (an API Gateway body that is not a string, or is
 * marked base64 but is not). The message starts with the field at fault, like a request error, and
 * never quotes the event's content.
 */
public class EventDecodeException extends RuntimeException {

    private final String field;

    public EventDecodeException(String field, String problem) {
        super(field + ": " + problem, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The part of the message after the field name. */
    public String problem() {
        return getMessage().substring(field.length() + 2);
    }
}
