package dev.nanoclassifier.classifier.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.nanoclassifier.classifier.model.CircuitBreaker.Permit;

/**
 * The breaker's states, on a clock the test moves: MicroProfile Fault Tolerance's rules as SmallRye
 * Fault Tolerance applies them (a full rolling window of {@code requestVolume} results,
 * {@code ceil(failureRatio × requestVolume)} failures to open, {@code successThreshold} trial calls
 * when half-open). The end-to-end cases are {@code fallback.CircuitBreakerTest} and
 * {@code RefusedInputBreakerTest}.
 */
class CircuitBreakerStatesTest {

    private long now = 1_000_000;
    private final CircuitBreaker breaker = new CircuitBreaker(0.5, 4, 30_000, 1, () -> now);

    @Test
    void opensWhenAFullWindowHoldsEnoughFailures() {
        call(false);
        call(true);
        call(false);
        assertNotNull(breaker.tryAcquire(), "3 results do not fill a window of 4");

        call(true);

        assertNull(breaker.tryAcquire(), "2 failures of the last 4 (ratio 0.5) open it");
    }

    @Test
    void neverOpensBeforeTheWindowIsFull() {
        call(true);
        call(true);
        call(true);

        assertNotNull(breaker.tryAcquire());
    }

    @Test
    void onlyTheLastWindowCounts() {
        CircuitBreaker strict = new CircuitBreaker(0.75, 4, 30_000, 1, () -> now);
        record(strict, true);
        record(strict, true);
        record(strict, false);
        record(strict, false);
        record(strict, false);
        record(strict, false); // the two failures have left the window

        record(strict, true);
        record(strict, true);
        assertNotNull(strict.tryAcquire(), "2 failures of the last 4 are under 3");

        record(strict, true);
        assertNull(strict.tryAcquire(), "3 of the last 4 reach ceil(0.75 x 4)");
    }

    @Test
    void staysOpenForTheDelayThenLetsOneTrialThrough() {
        open();

        now += 29_999;
        assertNull(breaker.tryAcquire());

        now += 1;
        Permit trial = breaker.tryAcquire();
        assertNotNull(trial);
        assertTrue(trial.trial());
        assertNull(breaker.tryAcquire(), "one trial at a time (success-threshold 1)");

        breaker.record(trial, false);

        Permit closed = breaker.tryAcquire();
        assertNotNull(closed);
        assertFalse(closed.trial());
    }

    @Test
    void closesWithAnEmptyWindow() {
        open();
        now += 30_000;
        breaker.record(breaker.tryAcquire(), false);

        call(true);
        call(true);
        call(true);

        assertNotNull(breaker.tryAcquire(), "the failures before it opened are forgotten");
    }

    @Test
    void aFailedTrialOpensItAgainForAnotherDelay() {
        open();
        now += 30_000;

        breaker.record(breaker.tryAcquire(), true);

        now += 29_999;
        assertNull(breaker.tryAcquire());
        now += 1;
        assertNotNull(breaker.tryAcquire());
    }

    @Test
    void closesAfterAsManySuccessfulTrialsAsTheThreshold() {
        CircuitBreaker twoTrials = new CircuitBreaker(1.0, 1, 1_000, 2, () -> now);
        record(twoTrials, true);
        assertNull(twoTrials.tryAcquire());
        now += 1_000;

        Permit first = twoTrials.tryAcquire();
        Permit second = twoTrials.tryAcquire();
        assertNull(twoTrials.tryAcquire(), "no more than two trials");
        twoTrials.record(first, false);
        assertNull(twoTrials.tryAcquire(), "still half-open after one success");

        twoTrials.record(second, false);

        assertFalse(twoTrials.tryAcquire().trial());
    }

    @Test
    void aTrialNotMadeGoesBackWithoutClosingOrOpening() {
        open();
        now += 30_000;
        Permit notMade = breaker.tryAcquire();

        breaker.release(notMade);

        Permit trial = breaker.tryAcquire();
        assertNotNull(trial, "the trial slot is free again");
        assertTrue(trial.trial(), "still half-open: a call not made closes nothing");
    }

    @Test
    void aCallNotMadeDoesNotFillTheWindow() {
        for (int i = 0; i < 3; i++) {
            call(true);
        }
        breaker.release(breaker.tryAcquire());

        assertNotNull(breaker.tryAcquire(), "3 results still do not fill a window of 4");
    }

    @Test
    void aResultFromBeforeTheBreakerOpenedChangesNothing() {
        Permit late = breaker.tryAcquire();
        open();

        breaker.record(late, false);

        assertNull(breaker.tryAcquire());
    }

    @Test
    void refusesASettingItCannotHonour() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CircuitBreaker(1.5, 4, 1_000, 1, () -> now));

        assertTrue(e.getMessage().contains("classifier.circuit-breaker"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(0.5, 0, 1_000, 1, () -> now));
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(0.5, 4, 1_000, 0, () -> now));
    }

    private void open() {
        for (int i = 0; i < 4; i++) {
            call(true);
        }
        assertNull(breaker.tryAcquire());
    }

    private void call(boolean failed) {
        record(breaker, failed);
    }

    private static void record(CircuitBreaker breaker, boolean failed) {
        Permit permit = breaker.tryAcquire();
        assertNotNull(permit, "the breaker let the call through");
        breaker.record(permit, failed);
    }
}
