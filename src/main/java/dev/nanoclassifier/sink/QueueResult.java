package dev.nanoclassifier.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.event.SqsMessage;
import dev.nanoclassifier.result.OutcomeKind;

/**
 * One record's result bound for the results destination: the response JSON (or the rejection)
 * plus {@code sourceMessageId}, and the message attributes consumers filter on.
 */
public record QueueResult(SqsMessage source, ObjectNode body, OutcomeKind outcome, String task, String label, boolean degraded) {
}
