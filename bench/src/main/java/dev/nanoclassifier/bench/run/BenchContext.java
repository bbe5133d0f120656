package dev.nanoclassifier.bench.run;

import dev.nanoclassifier.bench.lambda.FunctionLauncher;
import dev.nanoclassifier.bench.lambda.FunctionProcess;
import dev.nanoclassifier.bench.lambda.RuntimeApi;
import dev.nanoclassifier.bench.lambda.Variant;
import dev.nanoclassifier.bench.model.FakeModel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What every phase of a run needs: options, the two servers, the launcher and the workload. */
record BenchContext(BenchOptions options, RuntimeApi api, FakeModel model, FunctionLauncher launcher, Workload workload) {

    Duration initTimeout() {
        return Duration.ofSeconds(options.initTimeoutS);
    }

    Path log(String name) {
        return options.workDir.resolve(name + ".log");
    }

    /** Starts one process of {@code v} with the fake model wired in and {@code moreJvmFlags} last. */
    FunctionProcess start(Variant v, List<String> moreJvmFlags, String logName) throws IOException {
        return launcher.prepare(v, api).model(model).jvmFlags(moreJvmFlags).log(log(logName))
                .invokeTimeout(Duration.ofSeconds(options.invokeTimeoutS)).start();
    }
}
