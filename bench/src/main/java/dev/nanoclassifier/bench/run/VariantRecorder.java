package dev.nanoclassifier.bench.run;

import dev.nanoclassifier.bench.lambda.Variant;
import dev.nanoclassifier.bench.report.BatchStats;
import dev.nanoclassifier.bench.report.ClassLoadCount;
import dev.nanoclassifier.bench.report.ColdStats;
import dev.nanoclassifier.bench.report.VariantResult;
import dev.nanoclassifier.bench.report.WarmStats;
import dev.nanoclassifier.bench.stats.Summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects one variant's samples across the interleaved rounds, then freezes them into a {@link VariantResult}. */
final class VariantRecorder {

    final Variant variant;
    final String command;
    final List<Double> init = new ArrayList<>();
    final List<Double> first = new ArrayList<>();
    final List<Double> total = new ArrayList<>();
    final List<String> loads = new ArrayList<>();
    final List<Double> warm = new ArrayList<>();
    final List<Double> warmAtLatency = new ArrayList<>();
    final List<Double> batch = new ArrayList<>();
    final List<Double> rss = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<Integer> nextPerProcess = new ArrayList<>();
    int invocations;
    int warmModelCalls;
    int batchMaxConcurrent;
    int traceDatagrams;
    int initErrorsAfterInit;
    int failedStarts;
    ClassLoadCount classes;
    Long archiveBytes;

    VariantRecorder(Variant variant, String command) {
        this.variant = variant;
        this.command = command;
    }

    void warn(String w) {
        if (!warnings.contains(w)) warnings.add(w);
    }

    VariantResult result(int warmLatencyMs, int batchRecords, int batchLatencyMs) {
        Summary warmAll = Summary.of(warm);
        Summary secondHalf = Summary.of(warm.subList(warm.size() / 2, warm.size()));
        return new VariantResult(variant.name(), variant.label(), null, command,
                new ColdStats(Summary.of(init), Summary.of(first), Summary.of(total), loads),
                new WarmStats(warmAll, secondHalf, Summary.of(warmAtLatency), warmLatencyMs, warmModelCalls),
                new BatchStats(Summary.of(batch), batch.isEmpty() ? 0 : batchRecords, batchLatencyMs, batchMaxConcurrent),
                rss.isEmpty() ? null : Collections.max(rss), invocations, failures, warnings, classes, archiveBytes,
                traceDatagrams, nextPerProcess, initErrorsAfterInit);
    }
}
