package dev.nanoclassifier.adapter;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.event.InboundMessage;
import dev.nanoclassifier.event.SqsBatchResponse;
import dev.nanoclassifier.observability.Invocation;

/**
 * SNS notifications and EventBridge events. Lambda invokes the function with them asynchronously:
 * nobody reads the response, so results are written like SQS results (the results queue, or one
 * log line each), answered and rejected alike. A request that no step could answer, or whose
 * result could not be written, fails the invocation ({@link EventNotAnsweredException}): Lambda
 * retries the event (twice by default), then hands it to the function's on-failure destination or
 * dead-letter queue, so nothing is lost. SNS delivers one notification per invocation; were there
 * several, those answered would be answered again on the retry.
 */
@Singleton
public class NotificationAdapter {

    private final SqsAdapter batches;

    public NotificationAdapter(SqsAdapter batches) {
        this.batches = batches;
    }

    public Map<String, Integer> handle(List<InboundMessage> messages, Deadline deadline, Invocation invocation) {
        SqsBatchResponse outcome = batches.handle(messages, deadline, invocation);
        if (!outcome.batchItemFailures().isEmpty()) {
            throw new EventNotAnsweredException(outcome.batchItemFailures().stream()
                    .map(SqsBatchResponse.ItemFailure::itemIdentifier).toList(), messages.size());
        }
        return Map.of("results", messages.size());
    }

    /** Requests of an asynchronous event that must be tried again; the class name is the Lambda error type. */
    public static class EventNotAnsweredException extends RuntimeException {

        EventNotAnsweredException(List<String> messageIds, int of) {
            super(messageIds.size() + " of " + of + " messages not answered, Lambda retries the event: "
                    + String.join(", ", messageIds), null, false, false);
        }
    }
}
