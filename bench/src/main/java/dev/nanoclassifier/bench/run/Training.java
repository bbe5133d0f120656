package dev.nanoclassifier.bench.run;

import dev.nanoclassifier.bench.lambda.FunctionProcess;
import dev.nanoclassifier.bench.lambda.Variant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A training run for AppCDS or the JDK 25 AOT cache: a cold start, {@code --train-invocations}
 * direct invocations (every fifth a rank) and two SQS batches, then SIGTERM so that the JVM writes
 * the archive at exit. The same training covers the same code paths as the measured runs.
 */
final class Training {

    private Training() {
    }

    /** Null when the archive was written, else why not. */
    static String run(BenchContext ctx, Variant v, List<String> trainFlags, Path archive) {
        long t0 = System.nanoTime();
        FunctionProcess p = null;
        try {
            Files.deleteIfExists(archive);
            ctx.model().latencyMs(0);
            p = ctx.start(v, trainFlags, v.name() + "-train");
            p.awaitInit(ctx.initTimeout());
            for (int k = 0; k < ctx.options().trainInvocations; k++) {
                boolean rank = k % 5 == 4;
                String bad = Workload.checkDirect(p.invoke(rank ? ctx.workload().rank() : ctx.workload().classify()), rank);
                if (bad != null) return "training invocation failed: " + bad;
            }
            for (int k = 0; k < 2; k++) {
                String bad = Workload.checkBatch(p.invoke(ctx.workload().sqsBatch(ctx.options().batchSize)));
                if (bad != null) return "training batch failed: " + bad;
            }
        } catch (Exception e) {
            return "training run failed: " + e.getMessage();
        } finally {
            if (p != null) {
                int code = p.stop(Duration.ofSeconds(ctx.options().trainExitTimeoutS));
                System.out.printf(Locale.ROOT, "  %-11s training run finished in %.1f s (exit %d)%n", v.name(),
                        (System.nanoTime() - t0) / 1e9, code);
            }
        }
        if (!Files.isRegularFile(archive)) return "archive " + archive + " was not written (see " + ctx.log(v.name() + "-train") + ")";
        return null;
    }
}
