package dev.nanoclassifier.observability;

/** Where a request came from, for the logs: the Lambda request id, the trigger, and the SQS message id if any. */
public record Invocation(String requestId, String trigger, String messageId) {

    public Invocation forMessage(String sqsMessageId) {
        return new Invocation(requestId, trigger, sqsMessageId);
    }
}
