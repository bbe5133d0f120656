package dev.nanoclassifier.classifier.model;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The circuit breaker of one model endpoint, kept for the life of the execution environment. It
 * follows MicroProfile Fault Tolerance's breaker, as SmallRye Fault Tolerance implements it:
 * <ul>
 * <li><b>closed</b>: every call goes out; the last {@code requestVolume} results are kept, and
 * when that window is full and holds at least {@code ceil(failureRatio × requestVolume)}
 * failures, the breaker opens;</li>
 * <li><b>open</b>: no call goes out for {@code delay}; then it is half-open;</li>
 * <li><b>half-open</b>: at most {@code successThreshold} trial calls go out; as many successes
 * close it (with an empty window), one failure opens it again.</li>
 * </ul>
 * A call let through with {@link #tryAcquire} is reported once, with {@link #record}, or handed back
 * with {@link #release} when it was not made after all. A result that arrives after the breaker has
 * changed state (another call opened it meanwhile) changes nothing.
 */
final class CircuitBreaker {

    /** A call let through: the state it was let through in. */
    record Permit(long generation, boolean trial) {
    }

    private enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int windowSize;
    private final int failureThreshold;
    private final long delayMs;
    private final int successThreshold;
    private final LongSupplier clockMs;

    // All guarded by this.
    private final boolean[] window;
    private int recorded;
    private int failures;
    private long generation;
    private State state = State.CLOSED;
    private long openedAtMs;
    private int trials;
    private int trialSuccesses;

    CircuitBreaker(double failureRatio, int requestVolume, long delayMs, int successThreshold, LongSupplier clockMs) {
        if (requestVolume < 1 || failureRatio < 0 || failureRatio > 1 || successThreshold < 1 || delayMs < 0) {
            throw new IllegalArgumentException("classifier.circuit-breaker: request-volume and success-threshold must be at "
                    + "least 1, failure-ratio between 0 and 1, delay not negative");
        }
        this.windowSize = requestVolume;
        this.failureThreshold = (int) Math.ceil(failureRatio * requestVolume);
        this.delayMs = delayMs;
        this.successThreshold = successThreshold;
        this.clockMs = clockMs;
        this.window = new boolean[requestVolume];
    }

    /** A permit for one call, or null when the breaker is open (or half-open with its trials out). */
    synchronized Permit tryAcquire() {
        if (state == State.OPEN) {
            if (clockMs.getAsLong() - openedAtMs < delayMs) {
                return null;
            }
            toHalfOpen();
        }
        if (state == State.HALF_OPEN) {
            if (trials >= successThreshold) {
                return null;
            }
            trials++;
            return new Permit(generation, true);
        }
        return new Permit(generation, false);
    }

    /** The result of a call let through; {@code failed} only for failures that say the endpoint is unwell. */
    synchronized void record(Permit permit, boolean failed) {
        if (permit.generation() != generation) {
            return;
        }
        if (permit.trial()) {
            if (failed) {
                toOpen();
            } else if (++trialSuccesses >= successThreshold) {
                toClosed();
            }
            return;
        }
        int slot = recorded % windowSize;
        if (recorded >= windowSize && window[slot]) {
            failures--;
        }
        window[slot] = failed;
        if (failed) {
            failures++;
        }
        recorded++;
        if (failed && recorded >= windowSize && failures >= failureThreshold) {
            toOpen();
        }
    }

    /** A call let through but not made (no time was left for it): counted neither way; a trial goes back. */
    synchronized void release(Permit permit) {
        if (permit.generation() == generation && permit.trial()) {
            trials--;
        }
    }

    private void toOpen() {
        generation++;
        state = State.OPEN;
        openedAtMs = clockMs.getAsLong();
    }

    private void toHalfOpen() {
        generation++;
        state = State.HALF_OPEN;
        trials = 0;
        trialSuccesses = 0;
    }

    private void toClosed() {
        generation++;
        state = State.CLOSED;
        recorded = 0;
        failures = 0;
        Arrays.fill(window, false);
    }
}
