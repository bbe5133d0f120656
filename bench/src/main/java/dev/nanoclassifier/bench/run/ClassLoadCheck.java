package dev.nanoclassifier.bench.run;

import dev.nanoclassifier.bench.lambda.FunctionProcess;
import dev.nanoclassifier.bench.lambda.Variant;
import dev.nanoclassifier.bench.report.ClassLoadCount;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One extra cold start with {@code -Xlog:class+load} (not timed) that counts the classes loaded up
 * to the first answer and how many came from a CDS/AOT archive. For AppCDS/AOT the archive is forced
 * on ({@code -Xshare:on} / {@code -XX:AOTMode=on}), so an unusable archive is a JVM error here
 * instead of a silent fallback.
 */
final class ClassLoadCheck {

    private ClassLoadCheck() {
    }

    static ClassLoadCount run(BenchContext ctx, Variant v) {
        Path xlog = ctx.options().workDir.resolve(v.name() + "-classload.xlog");
        List<String> flags = new ArrayList<>();
        if (v.name().equals("appcds")) flags.add("-Xshare:on");
        if (v.name().equals("aot")) flags.add("-XX:AOTMode=on");
        flags.add("-Xlog:class+load=info:file=" + xlog);
        try {
            Files.deleteIfExists(xlog);
            ctx.model().latencyMs(0);
            try (FunctionProcess p = ctx.start(v, flags, v.name() + "-classload")) {
                p.awaitInit(ctx.initTimeout());
                p.invoke(ctx.workload().classify());
            }
        } catch (Exception e) {
            return ClassLoadCount.failed(e.getMessage());
        }
        try {
            long total = 0;
            long shared = 0;
            for (String line : Files.readAllLines(xlog, StandardCharsets.ISO_8859_1)) {
                if (!line.contains("source:")) continue;
                total++;
                if (line.contains("shared objects file") || line.contains("AOT cache")) shared++;
            }
            return new ClassLoadCount(total, shared, null);
        } catch (IOException e) {
            return ClassLoadCount.failed(e.toString());
        }
    }
}
