package dev.nanoclassifier.bench.report;

/**
 * Classes loaded in a cold start with {@code -Xlog:class+load} (not a timed run).
 *
 * @param total       classes loaded up to and including the first invocation
 * @param fromArchive of which came from a CDS/AOT archive
 * @param error       why the check failed, else null
 */
public record ClassLoadCount(long total, long fromArchive, String error) {

    public static ClassLoadCount failed(String error) {
        return new ClassLoadCount(0, 0, error);
    }
}
