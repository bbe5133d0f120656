package dev.nanoclassifier.eval.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.nanoclassifier.bench.http.HttpExchanges;
import dev.nanoclassifier.eval.data.EvalCase;

/** Sends the cases to a target with at most {@code parallelism} calls in flight, recording each result. */
public final class Runner {

    private Runner() {
    }

    /**
     * @param results  receives each result under the case's key (also the ones already there are kept)
     * @param onResult called after each result, e.g. to save the output so far
     */
    public static void run(Target target, List<EvalCase> cases, Map<String, CaseResult> results, Progress progress,
            Consumer<CaseResult> onResult) throws InterruptedException {
        int threads = Math.max(1, Math.min(target.parallelism(), cases.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, HttpExchanges.daemonThreads("eval-worker"));
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < cases.size() && !Thread.currentThread().isInterrupted()) {
                        EvalCase c = cases.get(i);
                        CaseResult r;
                        try {
                            r = target.call(c);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return null;
                        } catch (RuntimeException e) {
                            r = CaseResult.failure(c, "eval: " + e, true, 0);
                        }
                        results.put(c.key(), r);
                        progress.step(!r.answered());
                        onResult.accept(r);
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
    }
}
