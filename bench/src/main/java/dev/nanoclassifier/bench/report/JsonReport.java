package dev.nanoclassifier.bench.report;

import dev.nanoclassifier.bench.json.Json;
import dev.nanoclassifier.bench.stats.Summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run as JSON (bench/results/latest.json): the table's figures plus the raw samples. */
public final class JsonReport {

    private JsonReport() {
    }

    public static String write(RunReport report) {
        return Json.writePretty(toMap(report)) + "\n";
    }

    public static Map<String, Object> toMap(RunReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generatedAt", r.generatedAt());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", r.machine().cores());
        machine.put("os", r.machine().os());
        machine.put("jdk", r.machine().jdk());
        machine.put("jdkVendor", r.machine().jdkVendor());
        machine.put("cpuModel", r.machine().cpuModel());
        machine.put("memTotalMb", r.machine().memTotalMb());
        machine.put("loadAvgAtStart", r.loadAtStart());
        machine.put("loadAvgAtEnd", r.loadAtEnd());
        m.put("machine", machine);
        m.put("settings", r.settings());
        m.put("lambdaJvmFlags", r.lambdaJvmFlags());
        m.put("harnessFloorMs", summary(r.harnessFloor()));
        List<Object> results = new ArrayList<>();
        for (VariantResult v : r.results()) results.add(variant(v, r.baseline()));
        m.put("results", results);
        List<Object> targets = new ArrayList<>();
        for (TargetCheck.Outcome o : TargetCheck.evaluate(r, Targets.FROM_ISSUES)) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("variant", o.target().variant());
            t.put("metric", o.target().metric().name());
            t.put("limit", o.target().limit());
            t.put("timesNode", o.target().timesNode());
            t.put("source", o.target().source());
            t.put("value", round(o.value()));
            t.put("status", o.status().name());
            targets.add(t);
        }
        m.put("targets", targets);
        m.put("fakeModel", r.fakeModel());
        m.put("benchSeconds", round(r.benchSeconds()));
        return m;
    }

    static Map<String, Object> variant(VariantResult v, VariantResult node) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", v.name());
        m.put("label", v.label());
        if (!v.ran()) {
            m.put("skipped", v.skipped());
            return m;
        }
        m.put("command", v.command());
        m.put("initMs", summary(v.cold().init()));
        m.put("firstInvocationMs", summary(v.cold().firstInvocation()));
        m.put("coldTotalMs", summary(v.cold().total()));
        m.put("loadAvgBeforeEachColdStart", v.cold().loadAverages());
        m.put("warmOverheadMs", summary(v.warm().overhead()));
        m.put("warmOverheadSecondHalfMs", summary(v.warm().overheadSecondHalf()));
        Map<String, Object> atLatency = summary(v.warm().overheadAtLatency());
        atLatency.put("modelLatencyMs", v.warm().latencyMs());
        m.put("warmOverheadAtLatencyMs", atLatency);
        m.put("warmModelCalls", v.warm().modelCalls());
        Map<String, Object> batch = summary(v.batch().wallMs());
        batch.put("records", v.batch().records());
        batch.put("modelLatencyMs", v.batch().modelLatencyMs());
        batch.put("maxConcurrentModelCalls", v.batch().maxConcurrentCalls());
        m.put("sqsBatchMs", batch);
        m.put("peakRssMb", v.peakRssMb() == null ? null : round(v.peakRssMb()));
        if (node != null && v != node) {
            Map<String, Object> ratios = new LinkedHashMap<>();
            for (Metric metric : Metric.values()) ratios.put(metric.name(), round(dev.nanoclassifier.bench.stats.Ratio.of(metric.of(v), metric.of(node))));
            m.put("ratioToNode", ratios);
        }
        m.put("invocations", v.invocations());
        m.put("failures", v.failures().size());
        m.put("failureDetails", v.failures().size() > 20 ? v.failures().subList(0, 20) : v.failures());
        m.put("warnings", v.warnings());
        if (v.classes() != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("total", v.classes().total());
            c.put("fromArchive", v.classes().fromArchive());
            c.put("error", v.classes().error());
            m.put("classesLoaded", c);
        }
        m.put("archiveBytes", v.archiveBytes());
        m.put("traceDatagrams", v.traceDatagrams());
        m.put("nextRequestsPerProcess", v.nextRequestsPerProcess());
        m.put("initErrorsPostedAfterInit", v.initErrorsAfterInit());
        return m;
    }

    /** n, min, p50, p90, p99, max, mean rounded to 0.01, and the samples when kept. */
    public static Map<String, Object> summary(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", s.n());
        if (s.isEmpty()) return m;
        m.put("min", round(s.min()));
        m.put("p50", round(s.p50()));
        m.put("p90", round(s.p90()));
        m.put("p99", round(s.p99()));
        m.put("max", round(s.max()));
        m.put("mean", round(s.mean()));
        List<Double> samples = new ArrayList<>();
        for (double d : s.samples()) samples.add(round(d));
        if (!samples.isEmpty()) m.put("samples", samples);
        return m;
    }

    static Double round(double d) {
        return Double.isNaN(d) ? null : Math.round(d * 100.0) / 100.0;
    }
}
