package dev.nanoclassifier.eval;

import dev.nanoclassifier.eval.run.Target;

/** The packaged function as Lambda runs it, through the benchmark's Runtime API and launcher. */
final class PackagedFunction {

    private PackagedFunction() {
    }

    static Target start(ConfigSpec spec, Options options) throws Exception {
        throw new UnsupportedOperationException("the packaged-function target is not available yet; use --url");
    }
}
