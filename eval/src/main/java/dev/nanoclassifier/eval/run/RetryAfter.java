package dev.nanoclassifier.eval.run;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Honours {@code Retry-After} (delay in seconds, or an HTTP date) for everyone: when one call is told
 * to wait, every worker of the configuration waits before its next call, so that a rate-limited
 * endpoint is not hammered by the other workers meanwhile.
 */
public final class RetryAfter {

    private final AtomicLong resumeAtMillis = new AtomicLong();

    /** Parses a {@code Retry-After} value; empty when absent or unreadable. */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException e) {
            // not delay-seconds: try an HTTP date
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Everyone waits at least until now + {@code delay}. */
    public void hold(Duration delay) {
        long until = System.currentTimeMillis() + delay.toMillis();
        resumeAtMillis.accumulateAndGet(until, Math::max);
    }

    /** Blocks until no hold is in force. */
    public void awaitClear() throws InterruptedException {
        while (true) {
            long wait = resumeAtMillis.get() - System.currentTimeMillis();
            if (wait <= 0) {
                return;
            }
            Thread.sleep(Math.min(wait, 1000));
        }
    }
}
