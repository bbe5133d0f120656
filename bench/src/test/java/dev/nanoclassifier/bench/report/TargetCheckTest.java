package dev.nanoclassifier.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetCheckTest {

    @Test
    void absoluteAndRelativeTargets() {
        List<TargetCheck.Outcome> out = TargetCheck.evaluate(ReportFixtures.report(), List.of(
                Target.absolute("native", Metric.PEAK_RSS, 80, "t"),
                Target.absolute("jvm", Metric.INIT, 700, "t"),
                Target.timesNode("native", Metric.WARM_P50, 1.0, "t"),
                Target.timesNode("jvm", Metric.WARM_P50, 1.0, "t")));
        assertEquals(TargetCheck.Outcome.Status.MET, out.get(0).status());
        assertEquals(60, out.get(0).value());
        assertEquals(TargetCheck.Outcome.Status.MISSED, out.get(1).status());
        assertEquals(TargetCheck.Outcome.Status.MET, out.get(2).status());
        assertEquals(0.5, out.get(2).value());
        assertEquals(TargetCheck.Outcome.Status.MISSED, out.get(3).status());
        assertEquals(1.5, out.get(3).value());
    }

    @Test
    void relativeTargetsNeedTheNodeBaselineAndAVariantWithoutFailures() {
        RunReport r = ReportFixtures.report();
        RunReport noNode = new RunReport(r.generatedAt(), r.machine(), r.loadAtStart(), r.loadAtEnd(), r.settings(), r.lambdaJvmFlags(),
                r.harnessFloor(), r.results().subList(1, r.results().size()), Map.of(), 1);
        assertEquals(TargetCheck.Outcome.Status.NOT_MEASURED,
                TargetCheck.evaluate(noNode, List.of(Target.timesNode("jvm", Metric.COLD_TOTAL, 4, "t"))).get(0).status());

        RunReport failing = new RunReport(r.generatedAt(), r.machine(), r.loadAtStart(), r.loadAtEnd(), r.settings(), r.lambdaJvmFlags(),
                r.harnessFloor(), List.of(r.results().get(0),
                ReportFixtures.result("jvm", "JVM", 100, 10, 1.0, 100.0, List.of("cold 0: degraded response"))), Map.of(), 1);
        assertEquals(TargetCheck.Outcome.Status.NOT_MEASURED,
                TargetCheck.evaluate(failing, List.of(Target.absolute("jvm", Metric.INIT, 700, "t"))).get(0).status());
    }

    @Test
    void everyIssueTargetNamesItsSource() {
        for (Target t : Targets.FROM_ISSUES) assertTrue(t.source().startsWith("issue"), t.toString());
    }
}
