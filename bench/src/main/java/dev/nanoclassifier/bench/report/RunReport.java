package dev.nanoclassifier.bench.report;

import dev.nanoclassifier.bench.stats.Summary;

import java.util.List;
import java.util.Map;

/**
 * One benchmark run: where, how, and the result of each variant in the order they are reported.
 *
 * @param settings     the run's settings as name → value (counts, latencies, flags), for the JSON
 * @param harnessFloor the Runtime API round trip with no work in between, ms
 * @param fakeModel    the fake model's counters (calls, unexpected requests)
 */
public record RunReport(String generatedAt, MachineInfo machine, String loadAtStart, String loadAtEnd,
                        Map<String, Object> settings, List<String> lambdaJvmFlags, Summary harnessFloor,
                        List<VariantResult> results, Map<String, Object> fakeModel, double benchSeconds) {

    public RunReport {
        results = List.copyOf(results);
        lambdaJvmFlags = List.copyOf(lambdaJvmFlags);
    }

    /** The Node baseline, when it ran. */
    public VariantResult baseline() {
        return results.stream().filter(r -> r.name().equals("node") && r.ran()).findFirst().orElse(null);
    }

    public int failureCount() {
        return results.stream().mapToInt(r -> r.failures().size()).sum();
    }
}
