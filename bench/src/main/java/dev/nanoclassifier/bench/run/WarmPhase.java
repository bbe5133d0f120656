package dev.nanoclassifier.bench.run;

import dev.nanoclassifier.bench.lambda.FunctionProcess;
import dev.nanoclassifier.bench.lambda.Invocation;
import dev.nanoclassifier.bench.model.FakeModel;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs in the first measured process of a variant, after its cold invocation: M warm invocations at
 * model latency 0, an extra run at {@code --warm-latency}, then {@code --batch-runs} SQS batches
 * with every model call taking {@code --batch-latency}.
 */
final class WarmPhase {

    private WarmPhase() {
    }

    static void run(BenchContext ctx, FunctionProcess p, VariantRecorder rec) throws Exception {
        BenchOptions o = ctx.options();
        FakeModel model = ctx.model();
        Workload w = ctx.workload();
        model.latencyMs(0);
        int callsBefore = model.calls();
        for (int k = 0; k < o.warm; k++) {
            rec.invocations++;
            Invocation inv = p.invoke(w.direct(k));
            String bad = Workload.checkDirect(inv, w.isRank(k));
            if (bad != null) rec.failures.add("warm " + k + ": " + bad);
            rec.warm.add(inv.durationMs());
        }
        rec.warmModelCalls = model.calls() - callsBefore;
        if (o.warmLatencyMs > 0) {
            model.latencyMs(o.warmLatencyMs);
            for (int k = 0; k < o.warmLatencyCount; k++) {
                rec.invocations++;
                Invocation inv = p.invoke(w.direct(k));
                String bad = Workload.checkDirect(inv, w.isRank(k));
                if (bad != null) rec.failures.add("warm@" + o.warmLatencyMs + "ms " + k + ": " + bad);
                rec.warmAtLatency.add(inv.durationMs() - o.warmLatencyMs);
            }
        }
        model.latencyMs(o.batchLatencyMs);
        model.resetMaxInFlight();
        for (int k = 0; k < o.batchRuns; k++) {
            rec.invocations++;
            Invocation inv = p.invoke(w.sqsBatch(o.batchSize));
            String bad = Workload.checkBatch(inv);
            if (bad != null) rec.failures.add("sqs batch " + k + ": " + bad);
            rec.batch.add(inv.durationMs());
        }
        rec.batchMaxConcurrent = model.maxInFlight();
        model.latencyMs(0);
        System.out.printf(Locale.ROOT, "  %-11s warm: %d invocations p50 %.2f ms; batch-%d @%dms: %s ms%n", rec.variant.name(),
                rec.warm.size(), dev.nanoclassifier.bench.stats.Summary.percentile(rec.warm, 50), o.batchSize, o.batchLatencyMs,
                rec.batch.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).collect(Collectors.joining(", ")));
    }
}
