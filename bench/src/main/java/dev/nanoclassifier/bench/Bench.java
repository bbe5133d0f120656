package dev.nanoclassifier.bench;

import dev.nanoclassifier.bench.lambda.FunctionLauncher;
import dev.nanoclassifier.bench.lambda.LambdaJvmFlags;
import dev.nanoclassifier.bench.lambda.RuntimeApi;
import dev.nanoclassifier.bench.model.FakeModel;
import dev.nanoclassifier.bench.run.BenchMain;
import dev.nanoclassifier.bench.run.BenchOptions;

/**
 * Cold-start and warm benchmark of the packaged nano-classifier function, measured the way AWS
 * Lambda runs it (see bench/README.md). Uses only the JDK; runs on JDK 17+ (the AOT-cache variant
 * needs 25). The building blocks are usable on their own: {@link RuntimeApi}, {@link FakeModel},
 * {@link FunctionLauncher} and {@link LambdaJvmFlags}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.BadOption e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(BenchMain.run(options));
    }
}
