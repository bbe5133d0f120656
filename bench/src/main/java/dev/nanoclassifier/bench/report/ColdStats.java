package dev.nanoclassifier.bench.report;

import dev.nanoclassifier.bench.stats.Summary;

import java.util.List;

/**
 * The measured cold starts of one variant.
 *
 * @param init            process start to first {@code /next} (Lambda's Init duration), ms
 * @param firstInvocation first event handed out to its answer (Duration of the cold invocation), ms
 * @param total           init + first invocation of the same process, ms
 * @param loadAverages    the 1-minute load average just before each cold start
 */
public record ColdStats(Summary init, Summary firstInvocation, Summary total, List<String> loadAverages) {

    public ColdStats {
        loadAverages = List.copyOf(loadAverages);
    }

    public static ColdStats none() {
        return new ColdStats(Summary.empty(), Summary.empty(), Summary.empty(), List.of());
    }
}
