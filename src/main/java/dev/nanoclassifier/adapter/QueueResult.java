package dev.nanoclassifier.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.event.SqsMessage;

/**
 * One record's result bound for the results destination: the response JSON (or the rejection)
 * plus {@code sourceMessageId}, and the message attributes consumers filter on.
 */
public record QueueResult(SqsMessage source, ObjectNode body, String outcome, String task, String label, boolean degraded) {
}
