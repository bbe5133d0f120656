package dev.nanoclassifier.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.nanoclassifier.eval.data.Dataset;
import dev.nanoclassifier.eval.data.EvalCase;
import dev.nanoclassifier.eval.metrics.PairedComparison;
import dev.nanoclassifier.eval.metrics.Summary;
import dev.nanoclassifier.eval.run.CaseResult;

/** The state of one evaluation: the data, the configurations and every result so far. */
public final class EvalRun {

    /** One configuration's results, by case key. */
    public static final class ConfigRun {
        public final ConfigSpec spec;
        public final Map<String, CaseResult> results = new ConcurrentHashMap<>();
        /** Results taken over from an earlier run of the same output. */
        public int resumed;
        /** Why the configuration could not run at all (e.g. the function did not start), or null. */
        public volatile String failure;

        ConfigRun(ConfigSpec spec) {
            this.spec = spec;
        }
    }

    /** The figures of one configuration on one data set. */
    public record Row(ConfigRun config, Summary summary, PairedComparison vsBaseline) {
    }

    public final Options options;
    public final List<Dataset> datasets;
    /** The cases of each data set that this run evaluates (after --limit / --sample). */
    public final Map<String, List<EvalCase>> selected;
    public final List<ConfigRun> configs = new ArrayList<>();
    public final String startedAt;
    public volatile boolean complete;

    public EvalRun(Options options, List<Dataset> datasets, Map<String, List<EvalCase>> selected, List<ConfigSpec> specs,
            String startedAt) {
        this.options = options;
        this.datasets = datasets;
        this.selected = selected;
        this.startedAt = startedAt;
        specs.forEach(s -> configs.add(new ConfigRun(s)));
    }

    public List<EvalCase> allCases() {
        List<EvalCase> all = new ArrayList<>();
        selected.values().forEach(all::addAll);
        return all;
    }

    /** Per data set, one row per configuration; each row after the first is compared with the first. */
    public Map<String, List<Row>> rows() {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        for (Dataset d : datasets) {
            List<EvalCase> cases = selected.get(d.name());
            List<Row> rows = new ArrayList<>();
            ConfigRun baseline = configs.get(0);
            for (ConfigRun c : configs) {
                Summary s = Summary.of(cases, c.results, options.k, options.wrong, options.prefixChars);
                PairedComparison cmp = null;
                if (c != baseline) {
                    boolean[][] p = Summary.paired(cases, baseline.results, c.results);
                    cmp = PairedComparison.compare(p[0], p[1], options.bootstrap, options.ciSeed);
                }
                rows.add(new Row(c, s, cmp));
            }
            out.put(d.name(), rows);
        }
        return out;
    }
}
