package dev.nanoclassifier.bench.report;

import dev.nanoclassifier.bench.stats.Summary;

/**
 * Warm invocations in the first process of a variant, after its cold invocation.
 *
 * @param overhead             all warm invocations at model latency 0 (duration = overhead), ms
 * @param overheadSecondHalf   the second half of them only (after JIT warm-up), ms
 * @param overheadAtLatency    duration minus the model latency in the extra run at {@code latencyMs}
 * @param latencyMs            model latency of that extra run (0 = not run)
 * @param modelCalls           chat-completion calls the warm run caused (one per invocation unless cached)
 */
public record WarmStats(Summary overhead, Summary overheadSecondHalf, Summary overheadAtLatency, int latencyMs, int modelCalls) {

    public static WarmStats none() {
        return new WarmStats(Summary.empty(), Summary.empty(), Summary.empty(), 0, 0);
    }
}
