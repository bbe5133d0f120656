package dev.nanoclassifier.bench.report;

import dev.nanoclassifier.bench.stats.Summary;

import java.util.List;
import java.util.Map;

/** Results with known figures for the report tests. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static VariantResult result(String name, String label, double init, double first, double warmP50, Double rss, List<String> failures) {
        ColdStats cold = new ColdStats(Summary.of(List.of(init)), Summary.of(List.of(first)), Summary.of(List.of(init + first)), List.of("1.00"));
        WarmStats warm = new WarmStats(Summary.of(List.of(warmP50)), Summary.of(List.of(warmP50)), Summary.empty(), 0, 1);
        BatchStats batch = new BatchStats(Summary.of(List.of(310.0)), 10, 300, 10);
        return new VariantResult(name, label, null, "cmd " + name, cold, warm, batch, rss, 12, failures, List.of(), null, null, 0,
                List.of(2), 0);
    }

    /** Node 200+20, native 30+10, JVM 900+300, AOT skipped. */
    static RunReport report() {
        return new RunReport("2026-12-01T00:00:00Z", new MachineInfo(2, "Linux", "25", "Temurin", "cpu", 24000), "1.0 1.0 1.0",
                "1.5 1.0 1.0", Map.of("coldStarts", 5, "warmInvocations", 300), List.of("-XX:+UseSerialGC"), Summary.of(List.of(0.5)),
                List.of(result("node", "Node 20 + openai SDK", 200, 20, 2.0, 90.0, List.of()),
                        result("native", "native", 30, 10, 1.0, 60.0, List.of()),
                        result("jvm", "JVM", 900, 300, 3.0, 150.0, List.of()),
                        VariantResult.skipped("aot", "JVM + AOT cache (JDK 25)", "needs JDK 25+\nsecond line")),
                Map.of(), 12.3);
    }
}
