package dev.nanoclassifier.bench.report;

import java.util.List;

/**
 * Everything measured for one variant. A skipped variant has {@code skipped} set and empty stats.
 *
 * @param name                  short id (node, native, jvm, jvm-tracing, appcds, aot)
 * @param label                 table label
 * @param skipped               why it did not run, else null
 * @param command               the command line of a measured process
 * @param cold                  measured cold starts
 * @param warm                  warm run
 * @param batch                 SQS batches
 * @param peakRssMb             highest VmHWM over the variant's measured processes, null if unknown
 * @param invocations           invocations sent to measured processes
 * @param failures              failure messages (an invocation that errored, degraded or timed out)
 * @param warnings              JVM archive warnings and Runtime API anomalies
 * @param classes               class-load check, null when not run
 * @param archiveBytes          size of the CDS/AOT archive, null when none
 * @param traceDatagrams        UDP datagrams received on the X-Ray daemon address during this variant
 * @param nextRequestsPerProcess {@code /next} requests per measured process (a second poller shows up here)
 * @param initErrorsAfterInit   {@code /runtime/init/error} posts after the first {@code /next}
 */
public record VariantResult(String name, String label, String skipped, String command, ColdStats cold, WarmStats warm,
                            BatchStats batch, Double peakRssMb, int invocations, List<String> failures, List<String> warnings,
                            ClassLoadCount classes, Long archiveBytes, int traceDatagrams,
                            List<Integer> nextRequestsPerProcess, int initErrorsAfterInit) {

    public VariantResult {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        nextRequestsPerProcess = List.copyOf(nextRequestsPerProcess);
    }

    public static VariantResult skipped(String name, String label, String reason) {
        return new VariantResult(name, label, reason, "", ColdStats.none(), WarmStats.none(), BatchStats.none(), null, 0,
                List.of(), List.of(), null, null, 0, List.of(), 0);
    }

    public boolean ran() {
        return skipped == null;
    }

    public double peakRss() {
        return peakRssMb == null ? Double.NaN : peakRssMb;
    }
}
