package dev.nanoclassifier.bench.run;

import dev.nanoclassifier.bench.lambda.FunctionLauncher;
import dev.nanoclassifier.bench.lambda.FunctionProcess;
import dev.nanoclassifier.bench.lambda.Invocation;
import dev.nanoclassifier.bench.lambda.LambdaJvmFlags;
import dev.nanoclassifier.bench.lambda.RuntimeApi;
import dev.nanoclassifier.bench.lambda.Variant;
import dev.nanoclassifier.bench.model.FakeModel;
import dev.nanoclassifier.bench.report.Format;
import dev.nanoclassifier.bench.report.MachineInfo;
import dev.nanoclassifier.bench.stats.Summary;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why two measurements of the same jar disagree: the plain JVM started with different flag sets,
 * cold starts interleaved (round-robin), one unmeasured start per set first. Prints init and first
 * invocation p50 per set. {@code java -cp target/bench-tool dev.nanoclassifier.bench.run.FlagStudy [coldStarts] [projectDir]}
 */
public final class FlagStudy {

    private FlagStudy() {
    }

    static Map<String, List<String>> flagSets() {
        LambdaJvmFlags lambda = LambdaJvmFlags.forMemory(1024);
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("Lambda flags + MaxRAM=1024m (bench default)", lambda.all());
        sets.put("Lambda flags, heap sized from this host's RAM", lambda.managedRuntimeFlags());
        sets.put("previous bench: -Xmx512m -Xshare:auto MaxRAM=1024m", List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:MaxRAM=1024m", "-Xmx512m", "-Djava.net.preferIPv4Stack=true"));
        List<String> noCds = new ArrayList<>(lambda.all());
        noCds.add("-Xshare:off");
        sets.put("Lambda flags + MaxRAM, no CDS (-Xshare:off)", noCds);
        List<String> c2 = new ArrayList<>(lambda.all());
        c2.remove("-XX:TieredStopAtLevel=1");
        sets.put("Lambda flags + MaxRAM, C2 allowed (no TieredStopAtLevel)", c2);
        return sets;
    }

    public static void main(String[] args) throws Exception {
        int cold = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path project = Paths.get(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        Map<String, List<String>> sets = flagSets();
        Map<String, List<Double>> init = new LinkedHashMap<>();
        Map<String, List<Double>> first = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(sets.keySet());
        try (RuntimeApi api = RuntimeApi.start(); FakeModel model = FakeModel.start()) {
            System.out.println("load average at start: " + MachineInfo.loadAverage());
            for (int round = -1; round < cold; round++) {
                for (int j = 0; j < names.size(); j++) {
                    String name = names.get(Math.floorMod(round + j, names.size()));
                    FunctionLauncher l = FunctionLauncher.forProject(project).baseJvmFlags(sets.get(name));
                    try (FunctionProcess p = l.prepare(Variant.jvm(), api).model(model)
                            .log(project.resolve("target/bench/flagstudy.log")).start()) {
                        double i = p.awaitInit(Duration.ofSeconds(120));
                        Invocation inv = p.invoke("{\"task\":\"classify\",\"input\":\"charged twice " + round + "\",\"labels\":[\"billing\",\"bug\"]}");
                        if (round >= 0) {
                            init.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
                            first.computeIfAbsent(name, k -> new ArrayList<>()).add(inv.durationMs());
                        }
                    }
                }
            }
            System.out.println("| JVM flags | init p50 ms | first invocation p50 ms | init min/max ms |\n|---|---:|---:|---:|");
            for (String name : names) {
                Summary i = Summary.of(init.get(name));
                Summary f = Summary.of(first.get(name));
                System.out.println("| " + name + " | " + Format.num(i.p50()) + " | " + Format.num(f.p50()) + " | "
                        + Format.num(i.min()) + " / " + Format.num(i.max()) + " |");
            }
            System.out.println("load average at end: " + MachineInfo.loadAverage());
        }
    }
}
