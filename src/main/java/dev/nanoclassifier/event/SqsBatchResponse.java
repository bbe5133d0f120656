package dev.nanoclassifier.event;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The partial batch response: the records SQS must deliver again, by message id. */
@RegisterForReflection
public record SqsBatchResponse(List<ItemFailure> batchItemFailures) {

    @RegisterForReflection
    public record ItemFailure(String itemIdentifier) {
    }

    public static SqsBatchResponse of(List<String> failedMessageIds) {
        return new SqsBatchResponse(failedMessageIds.stream().map(ItemFailure::new).toList());
    }
}
