package dev.nanoclassifier.bench.run;

import dev.nanoclassifier.bench.lambda.FunctionLauncher;
import dev.nanoclassifier.bench.lambda.LambdaJvmFlags;
import dev.nanoclassifier.bench.lambda.RuntimeApi;
import dev.nanoclassifier.bench.model.FakeModel;
import dev.nanoclassifier.bench.report.JsonReport;
import dev.nanoclassifier.bench.report.MachineInfo;
import dev.nanoclassifier.bench.report.MarkdownTable;
import dev.nanoclassifier.bench.report.RunReport;
import dev.nanoclassifier.bench.report.VariantResult;
import dev.nanoclassifier.bench.stats.Summary;
import dev.nanoclassifier.bench.tracing.XrayDaemonStub;

import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Wires the servers and the launcher, runs the variants and writes the report. Returns the exit status. */
public final class BenchMain {

    private BenchMain() {
    }

    public static int run(BenchOptions o) throws Exception {
        Files.createDirectories(o.workDir);
        LambdaJvmFlags flags = new LambdaJvmFlags(o.memoryMb, o.maxRam);
        FunctionLauncher launcher = FunctionLauncher.forProject(o.project).lambdaFlags(flags).extraEnv(o.extraEnv);
        if (o.jar != null) launcher.jar(o.jar);
        if (o.benchLib != null) launcher.benchLib(o.benchLib);
        if (o.nativeExecutable != null) launcher.nativeExecutable(o.nativeExecutable);
        if (!o.extraJvmOpts.isBlank()) launcher.extraJvmFlags(List.of(o.extraJvmOpts.trim().split("\\s+")));
        if (!o.extraNativeOpts.isBlank()) launcher.extraNativeFlags(List.of(o.extraNativeOpts.trim().split("\\s+")));

        try (RuntimeApi api = RuntimeApi.start(); FakeModel model = FakeModel.start(); XrayDaemonStub xray = XrayDaemonStub.start()) {
            MachineInfo machine = MachineInfo.current();
            String loadStart = MachineInfo.loadAverage();
            System.out.println("# nano-classifier cold-start benchmark");
            System.out.println("machine: " + machine.cores() + " cores, " + machine.cpuModel() + ", " + machine.os()
                    + ", JDK " + machine.jdk() + " (" + machine.jdkVendor() + ")");
            System.out.println("load average at start: " + loadStart + " (other work on the machine skews every figure)");
            System.out.println("Lambda JVM flags (" + o.memoryMb + " MB): " + String.join(" ", flags.all()));
            System.out.println("runtime API " + api.address() + ", fake model 127.0.0.1:" + model.port()
                    + ", X-Ray daemon stub " + xray.address() + ", logs in " + o.workDir);
            Summary floor = HarnessFloor.measure(api, 300);
            System.out.printf(Locale.ROOT, "harness floor (Runtime API round trip, in-process client): p50 %.2f ms, p99 %.2f ms%n",
                    floor.p50(), floor.p99());

            long started = System.nanoTime();
            BenchContext ctx = new BenchContext(o, api, model, launcher, new Workload(o.uniqueInputs));
            List<VariantResult> results = new BenchRun(ctx, xray).execute();

            Map<String, Object> fake = new LinkedHashMap<>();
            fake.put("chatCompletions", model.calls());
            fake.put("unexpectedRequests", model.unexpectedRequests());
            fake.put("unexpectedPaths", model.unexpectedPaths());
            fake.put("requestsWithoutSchema", model.requestsWithoutSchema());
            fake.put("runtimeApiUnknownRequests", api.unknownRequests());
            fake.put("xrayFirstDatagrams", xray.firstDatagrams());
            Map<String, Object> settings = o.asSettings();
            settings.put("jar", launcher.jar().toString());
            if (Files.isRegularFile(launcher.jar())) settings.put("jarModified", Files.getLastModifiedTime(launcher.jar()).toString());
            settings.put("nativeExecutable", String.valueOf(launcher.nativeExecutable()));
            RunReport report = new RunReport(Instant.now().toString(), machine, loadStart, MachineInfo.loadAverage(), settings,
                    flags.all(), floor, results, fake, (System.nanoTime() - started) / 1e9);

            System.out.println();
            System.out.println(MarkdownTable.render(report));
            System.out.println(MarkdownTable.notes(report));
            for (VariantResult r : results) {
                for (String w : r.warnings()) System.out.println("WARNING " + r.name() + ": " + w);
                for (String f : r.failures().subList(0, Math.min(5, r.failures().size()))) System.out.println("FAILURE " + r.name() + ": " + f);
            }
            if (model.unexpectedRequests() > 0) {
                System.out.println("NOTE: the function made " + model.unexpectedRequests()
                        + " request(s) the fake model does not serve: " + model.unexpectedPaths());
            }
            Files.createDirectories(o.out.getParent());
            Files.writeString(o.out, JsonReport.write(report));
            System.out.println("JSON written to " + o.out);
            return report.failureCount() > 0 ? 1 : 0;
        }
    }
}
