package dev.nanoclassifier.bench.report;

import dev.nanoclassifier.bench.stats.Summary;

/**
 * SQS batches sent to a warm process.
 *
 * @param wallMs              invocation duration of each batch, ms
 * @param records             records per batch
 * @param modelLatencyMs      model latency during the batches
 * @param maxConcurrentCalls  the highest number of model calls in flight at once
 */
public record BatchStats(Summary wallMs, int records, int modelLatencyMs, int maxConcurrentCalls) {

    public static BatchStats none() {
        return new BatchStats(Summary.empty(), 0, 0, 0);
    }
}
