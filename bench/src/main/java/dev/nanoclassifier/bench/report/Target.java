package dev.nanoclassifier.bench.report;

/**
 * A goal from an issue: {@code metric} of {@code variant} at most {@code limit}, either in the
 * metric's unit or, when {@code timesNode}, as a multiple of the Node baseline's same metric.
 *
 * @param source where the goal comes from (e.g. "issue 14")
 */
public record Target(String variant, Metric metric, double limit, boolean timesNode, String source) {

    public static Target absolute(String variant, Metric metric, double limit, String source) {
        return new Target(variant, metric, limit, false, source);
    }

    public static Target timesNode(String variant, Metric metric, double factor, String source) {
        return new Target(variant, metric, factor, true, source);
    }

    public String describe() {
        return metric.title() + " <= " + (timesNode ? Format.num(limit) + "x Node" : Format.num(limit) + " " + metric.unit());
    }
}
