package dev.nanoclassifier.bench.report;

import dev.nanoclassifier.bench.stats.Ratio;

import java.util.ArrayList;
import java.util.List;

/** Checks targets against a run. A target whose variant (or the Node baseline it needs) did not run is "n/a". */
public final class TargetCheck {

    /** One target's outcome; {@code value} is the ratio to Node for relative targets. */
    public record Outcome(Target target, double value, Status status) {
        public enum Status { MET, MISSED, NOT_MEASURED }

        public String line() {
            String v = Double.isNaN(value) ? "n/a" : (target.timesNode() ? Format.num(value) + "x" : Format.num(value) + " " + target.metric().unit());
            return target.variant() + " " + target.describe() + " (" + target.source() + "): " + v + " -> "
                    + (status == Status.MET ? "met" : status == Status.MISSED ? "NOT met" : "not measured");
        }
    }

    private TargetCheck() {
    }

    public static List<Outcome> evaluate(RunReport report, List<Target> targets) {
        List<Outcome> out = new ArrayList<>();
        VariantResult node = report.baseline();
        for (Target t : targets) {
            VariantResult r = report.results().stream().filter(x -> x.name().equals(t.variant())).findFirst().orElse(null);
            double v = t.metric().of(r);
            if (t.timesNode()) v = Ratio.of(v, t.metric().of(node));
            boolean invalid = r != null && !r.failures().isEmpty();
            Outcome.Status s = Double.isNaN(v) || invalid ? Outcome.Status.NOT_MEASURED
                    : v <= t.limit() ? Outcome.Status.MET : Outcome.Status.MISSED;
            out.add(new Outcome(t, v, s));
        }
        return out;
    }
}
