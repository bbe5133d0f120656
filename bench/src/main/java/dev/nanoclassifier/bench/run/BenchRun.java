package dev.nanoclassifier.bench.run;

import dev.nanoclassifier.bench.lambda.FunctionProcess;
import dev.nanoclassifier.bench.lambda.Invocation;
import dev.nanoclassifier.bench.lambda.Variant;
import dev.nanoclassifier.bench.report.MachineInfo;
import dev.nanoclassifier.bench.report.VariantResult;
import dev.nanoclassifier.bench.tracing.XrayDaemonStub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark run over the requested variants: archives are trained first, every variant is
 * started {@code --prime} times unmeasured (so that each finds its files in the page cache), then
 * the measured cold starts run interleaved: round i starts each variant once, in an order rotated by
 * i, so that machine load is shared fairly. The first measured process of each variant also runs
 * the warm phase.
 */
public final class BenchRun {

    private final BenchContext ctx;
    private final XrayDaemonStub xray;

    BenchRun(BenchContext ctx, XrayDaemonStub xray) {
        this.ctx = ctx;
        this.xray = xray;
    }

    /** The variants in report order; those that cannot run come back as skipped results. */
    List<Object> plan() {
        List<Object> planned = new ArrayList<>();
        for (String name : ctx.options().variants) {
            Variant v;
            switch (name) {
                case "node": v = Variant.node(); break;
                case "native": v = Variant.nativeExecutable(); break;
                case "jvm": v = Variant.jvm(); break;
                case "jvm-tracing": v = tracing(); break;
                case "appcds": v = Variant.jvm().named("appcds", "JVM + AppCDS"); break;
                case "aot": v = Variant.jvm().named("aot", "JVM + AOT cache (JDK 25)"); break;
                default: throw new BenchOptions.BadOption("unknown variant " + name + "\n" + BenchOptions.USAGE);
            }
            String why = ctx.launcher().unavailableReason(v);
            if (why == null && name.equals("aot") && ctx.launcher().javaFeatureVersion() < 25) {
                why = "needs JDK 25+ (running on " + Runtime.version() + ")";
            }
            if (why == null && name.equals("appcds")) {
                Path archive = ctx.options().workDir.resolve("app-cds.jsa");
                System.out.println("\n## training " + v.label());
                why = Training.run(ctx, v, List.of("-XX:ArchiveClassesAtExit=" + archive), archive);
                v = v.withArchive(archive).withJvmFlags(List.of("-XX:SharedArchiveFile=" + archive));
            }
            if (why == null && name.equals("aot")) {
                Path archive = ctx.options().workDir.resolve("app.aot");
                System.out.println("\n## training " + v.label());
                why = Training.run(ctx, v, List.of("-XX:AOTCacheOutput=" + archive), archive);
                v = v.withArchive(archive).withJvmFlags(List.of("-XX:AOTCache=" + archive));
            }
            planned.add(why == null ? v : VariantResult.skipped(v.name(), v.label(), why));
        }
        return planned;
    }

    private Variant tracing() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_XRAY_DAEMON_ADDRESS", xray.address());
        env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        env.putAll(ctx.options().tracingEnv);
        return Variant.jvm().named("jvm-tracing", "JVM, tracing on").withEnv(env).withTraceSampled(true);
    }

    List<VariantResult> execute() throws Exception {
        List<Object> planned = plan();
        Map<String, VariantRecorder> recorders = new LinkedHashMap<>();
        List<Variant> runnable = new ArrayList<>();
        for (Object o : planned) {
            if (o instanceof Variant) {
                Variant v = (Variant) o;
                runnable.add(v);
                recorders.put(v.name(), new VariantRecorder(v, String.join(" ", ctx.launcher().command(v, List.of()))));
            }
        }
        System.out.println("\n## priming (" + ctx.options().prime + " unmeasured start(s) per variant)");
        for (Variant v : runnable) {
            for (int i = 0; i < ctx.options().prime; i++) prime(v, i);
        }
        int n = runnable.size();
        for (int round = 0; round < ctx.options().cold; round++) {
            System.out.println("\n## cold round " + round + " (load " + MachineInfo.loadAverage() + ")");
            for (int j = 0; j < n; j++) {
                Variant v = runnable.get((round + j) % n);
                VariantRecorder rec = recorders.get(v.name());
                if (rec.failedStarts >= 2 && rec.init.isEmpty()) continue;
                coldStart(v, round, rec);
            }
        }
        if (ctx.options().classLoadCheck) {
            for (Variant v : runnable) {
                VariantRecorder rec = recorders.get(v.name());
                if (!v.isJvm() || rec.init.isEmpty()) continue;
                rec.classes = ClassLoadCheck.run(ctx, v);
                if (rec.classes.error() != null) rec.warn("class-load check failed (archive forced on): " + rec.classes.error());
            }
        }
        List<VariantResult> results = new ArrayList<>();
        BenchOptions o = ctx.options();
        for (Object p : planned) {
            if (p instanceof VariantResult) {
                results.add((VariantResult) p);
                continue;
            }
            VariantRecorder rec = recorders.get(((Variant) p).name());
            if (rec.variant.archive() != null && Files.isRegularFile(rec.variant.archive())) rec.archiveBytes = Files.size(rec.variant.archive());
            results.add(rec.result(o.warmLatencyMs, o.batchSize, o.batchLatencyMs));
        }
        return results;
    }

    private void prime(Variant v, int i) {
        try (FunctionProcess p = ctx.start(v, List.of(), v.name() + "-prime" + i)) {
            double init = p.awaitInit(ctx.initTimeout());
            p.invoke(ctx.workload().classify());
            System.out.printf(Locale.ROOT, "  %-11s prime %d: init %.0f ms (not counted)%n", v.name(), i, init);
        } catch (Exception e) {
            System.out.println("  " + v.name() + " prime " + i + " failed: " + e.getMessage());
        }
    }

    private void coldStart(Variant v, int i, VariantRecorder rec) {
        String logName = v.name() + "-cold" + i;
        int datagramsBefore = xray.datagrams();
        rec.loads.add(MachineInfo.loadAverage().split(" ")[0]);
        FunctionProcess p = null;
        try {
            ctx.model().latencyMs(0);
            p = ctx.start(v, List.of(), logName);
            double initMs = p.awaitInit(ctx.initTimeout());
            rec.invocations++;
            Invocation inv = p.invoke(ctx.workload().classify());
            String bad = Workload.checkDirect(inv, false);
            if (bad != null) rec.failures.add("cold " + i + " first invocation: " + bad);
            rec.init.add(initMs);
            rec.first.add(inv.durationMs());
            rec.total.add(initMs + inv.durationMs());
            System.out.printf(Locale.ROOT, "  %-11s cold %d: init %.0f ms, first invocation %.1f ms%n", v.name(), i, initMs, inv.durationMs());
            if (i == 0) WarmPhase.run(ctx, p, rec);
            Double hwm = p.readPeakRssMb();
            if (hwm != null) rec.rss.add(hwm);
            rec.nextPerProcess.add(p.session().nextRequests());
            if (p.session().initErrorsAfterInit() > 0) {
                rec.initErrorsAfterInit += p.session().initErrorsAfterInit();
                rec.warn("the function POSTed /runtime/init/error after it had polled /next (a second poller?): "
                        + dev.nanoclassifier.bench.lambda.Text.abbreviate(p.session().lateInitError()));
            }
        } catch (Exception e) {
            rec.failedStarts++;
            rec.failures.add("cold " + i + ": " + e.getMessage());
            System.out.println("  " + v.name() + " cold " + i + " FAILED: " + e.getMessage());
        } finally {
            if (p != null) {
                p.stop(Duration.ofSeconds(10));
                if (v.isJvm()) ArchiveWarnings.in(p.log()).forEach(rec::warn);
            }
            rec.traceDatagrams += xray.datagrams() - datagramsBefore;
        }
    }
}
