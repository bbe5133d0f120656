package dev.nanoclassifier.bench.lambda;

import java.util.concurrent.ThreadLocalRandom;

/**
 * X-Ray trace headers in the form Lambda hands them out in {@code Lambda-Runtime-Trace-Id}:
 * {@code Root=1-<8 hex epoch seconds>-<24 hex>;Parent=<16 hex>;Sampled=<0|1>}.
 */
public final class TraceIds {

    private TraceIds() {
    }

    public static String next(boolean sampled) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String root = String.format("1-%08x-%012x%012x", System.currentTimeMillis() / 1000,
                r.nextLong() & 0xffffffffffffL, r.nextLong() & 0xffffffffffffL);
        String parent = String.format("%016x", r.nextLong());
        return "Root=" + root + ";Parent=" + parent + ";Sampled=" + (sampled ? 1 : 0);
    }
}
