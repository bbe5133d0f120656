package dev.nanoclassifier.bench.run;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Command-line options of the bench tool ({@code --name value}, {@code --name=value} or {@code -Dbench.name=value}). */
public final class BenchOptions {

    public static final String USAGE = String.join("\n",
            "Usage: bench/run.sh [options]   (each option may also be given as -Dbench.<name>=<value>)",
            "  --cold N               measured cold starts per variant, interleaved across variants (default 5)",
            "  --prime N              unmeasured starts per variant first, to warm the page cache fairly (default 1)",
            "  --warm M               warm invocations per variant, model latency 0 (default 1000)",
            "  --batch-latency MS     model latency during the SQS batch of 10 (default 300)",
            "  --batch-runs N         SQS batch invocations measured (default 5)",
            "  --warm-latency MS      extra warm run with this model latency, 0 = off (default 50)",
            "  --warm-latency-count N invocations in that extra run (default 50)",
            "  --train-invocations N  direct invocations in an AppCDS/AOT training run (default 30)",
            "  --variants LIST        comma list of node,native,jvm,jvm-tracing,appcds,aot (default all; unavailable ones are skipped)",
            "  --out PATH             JSON result file (default bench/results/latest.json)",
            "  --project DIR          project dir holding target/ (default: current dir)",
            "  --jar PATH, --bench-lib DIR, --native PATH, --work-dir DIR",
            "  --memory MB            Lambda memory size the JVM flags are computed from (default 1024)",
            "  --no-max-ram           do not pass -XX:MaxRAM=<memory>m (see README)",
            "  --jvm-opts \"...\"       extra JVM options for every JVM variant",
            "  --native-opts \"...\"    extra run-time options for the native executable (e.g. -XX:MaxNewSize=16m)",
            "  --env K=V              extra environment variable for every function process (repeatable)",
            "  --tracing-env K=V      extra environment variable for the jvm-tracing variant (repeatable)",
            "  --same-input           send the identical request body every time (default: unique suffix)",
            "  --no-classload-check   skip the extra -Xlog:class+load run per JVM variant",
            "  --init-timeout S, --invoke-timeout S, --train-exit-timeout S");

    public int cold = 5;
    public int prime = 1;
    public int warm = 1000;
    public int batchLatencyMs = 300;
    public int batchRuns = 5;
    public int batchSize = 10;
    public int warmLatencyMs = 50;
    public int warmLatencyCount = 50;
    public int trainInvocations = 30;
    public int initTimeoutS = 120;
    public int invokeTimeoutS = 30;
    public int trainExitTimeoutS = 300;
    public int memoryMb = 1024;
    public boolean maxRam = true;
    public boolean uniqueInputs = true;
    public boolean classLoadCheck = true;
    public String extraJvmOpts = "";
    public String extraNativeOpts = "";
    public List<String> variants = List.of("node", "native", "jvm", "jvm-tracing", "appcds", "aot");
    public Path project;
    public Path out;
    public Path workDir;
    public Path benchLib;
    public Path jar;
    public Path nativeExecutable;
    public final Map<String, String> extraEnv = new LinkedHashMap<>();
    public final Map<String, String> tracingEnv = new LinkedHashMap<>();

    /** Thrown for bad options; the message includes the usage. */
    public static final class BadOption extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadOption(String msg) {
            super(msg);
        }
    }

    public static BenchOptions parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> env = new ArrayList<>();
        List<String> tracingEnv = new ArrayList<>();
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith("bench.")) opts.put(k.substring(6), System.getProperty(k));
        }
        Set<String> flags = Set.of("same-input", "no-classload-check", "no-max-ram", "help");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new BadOption("unexpected argument: " + a + "\n" + USAGE);
            String k = a.substring(2);
            String v;
            int eq = k.indexOf('=');
            if (eq >= 0) { v = k.substring(eq + 1); k = k.substring(0, eq); }
            else if (flags.contains(k)) v = "true";
            else if (i + 1 < args.length) v = args[++i];
            else throw new BadOption("missing value for --" + k);
            if (k.equals("env")) env.add(v);
            else if (k.equals("tracing-env")) tracingEnv.add(v);
            else opts.put(k, v);
        }
        BenchOptions o = new BenchOptions();
        o.project = Paths.get(opts.getOrDefault("project", ".")).toAbsolutePath().normalize();
        for (Map.Entry<String, String> e : opts.entrySet()) o.set(e.getKey(), e.getValue());
        keyValues(env, o.extraEnv);
        keyValues(tracingEnv, o.tracingEnv);
        if (o.out == null) o.out = Paths.get("bench", "results", "latest.json");
        o.out = o.out.toAbsolutePath().normalize();
        if (o.workDir == null) o.workDir = o.project.resolve("target/bench");
        if (o.cold < 1) throw new BadOption("--cold must be >= 1");
        return o;
    }

    private void set(String key, String v) {
        switch (key) {
            case "cold": cold = Integer.parseInt(v); break;
            case "prime": prime = Integer.parseInt(v); break;
            case "warm": warm = Integer.parseInt(v); break;
            case "batch-latency": batchLatencyMs = Integer.parseInt(v); break;
            case "batch-runs": batchRuns = Integer.parseInt(v); break;
            case "batch-size": batchSize = Integer.parseInt(v); break;
            case "warm-latency": warmLatencyMs = Integer.parseInt(v); break;
            case "warm-latency-count": warmLatencyCount = Integer.parseInt(v); break;
            case "train-invocations": trainInvocations = Integer.parseInt(v); break;
            case "init-timeout": initTimeoutS = Integer.parseInt(v); break;
            case "invoke-timeout": invokeTimeoutS = Integer.parseInt(v); break;
            case "train-exit-timeout": trainExitTimeoutS = Integer.parseInt(v); break;
            case "memory": memoryMb = Integer.parseInt(v); break;
            case "no-max-ram": maxRam = !Boolean.parseBoolean(v); break;
            case "variants": variants = List.of(v.toLowerCase(Locale.ROOT).split("\\s*,\\s*")); break;
            case "out": out = Paths.get(v); break;
            case "jar": jar = Paths.get(v); break;
            case "bench-lib": benchLib = Paths.get(v); break;
            case "native": nativeExecutable = Paths.get(v); break;
            case "work-dir": workDir = Paths.get(v).toAbsolutePath().normalize(); break;
            case "jvm-opts": extraJvmOpts = v; break;
            case "native-opts": extraNativeOpts = v; break;
            case "same-input": uniqueInputs = !Boolean.parseBoolean(v); break;
            case "no-classload-check": classLoadCheck = !Boolean.parseBoolean(v); break;
            case "help": throw new BadOption(USAGE);
            case "project": break;
            default: throw new BadOption("unknown option --" + key + "\n" + USAGE);
        }
    }

    private static void keyValues(List<String> kvs, Map<String, String> into) {
        for (String kv : kvs) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new BadOption("expected K=V: " + kv);
            into.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
    }

    /** The settings recorded in the JSON. */
    public Map<String, Object> asSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("coldStarts", cold);
        m.put("primingStartsPerVariant", prime);
        m.put("coldStartOrder", "interleaved (round-robin across variants, rotated each round)");
        m.put("warmInvocations", warm);
        m.put("warmModelLatencyMs", 0);
        m.put("extraWarmModelLatencyMs", warmLatencyMs);
        m.put("batchRecords", batchSize);
        m.put("batchModelLatencyMs", batchLatencyMs);
        m.put("batchRuns", batchRuns);
        m.put("trainInvocations", trainInvocations);
        m.put("lambdaMemoryMb", memoryMb);
        m.put("maxRamEmulation", maxRam);
        m.put("uniqueInputs", uniqueInputs);
        m.put("extraJvmOpts", extraJvmOpts);
        m.put("extraNativeOpts", extraNativeOpts);
        return m;
    }
}
