package dev.nanoclassifier.classifier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The retry decision of a model endpoint, without HTTP or Quarkus: backoff, the endpoint's
 * {@code retry-after-ms}/{@code Retry-After}, {@code x-should-retry}, which statuses are retried and
 * the deadline. Settings as the defaults: backoff 100 ms doubling to at most 2 s, Retry-After
 * honoured up to 10 s, a try needs at least 150 ms.
 */
class RetryPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final long INITIAL = 100;
    private static final long MAX_BACKOFF = 2_000;
    private static final long MAX_RETRY_AFTER = 10_000;
    private static final long MIN_ATTEMPT = 150;
    private static final long PLENTY = 60_000;

    /** floorMod(-1, half + 1) is half: the random part at its largest. */
    private final RetryPolicy longest = policy(-1);
    /** The random part at zero: half the exponential delay. */
    private final RetryPolicy shortest = policy(0);

    @Test
    void backoffDoublesWithEachTryUpToTheCap() {
        List<Long> delays = new ArrayList<>();
        for (int tries = 1; tries <= 7; tries++) {
            delays.add(longest.backoff(tries));
        }

        assertEquals(List.of(100L, 200L, 400L, 800L, 1_600L, 2_000L, 2_000L), delays);
    }

    @Test
    void backoffIsAtLeastHalfOfTheExponentialDelay() {
        assertEquals(List.of(50L, 100L, 1_000L), List.of(shortest.backoff(1), shortest.backoff(2), shortest.backoff(9)));
    }

    @Test
    void backoffStaysWithinHalfAndWholeOfTheExponentialDelayWhateverTheRandomPart() {
        for (long random : new long[] { Long.MIN_VALUE, -7, 1, 37, 51, 99, Long.MAX_VALUE }) {
            long delay = policy(random).backoff(3);

            assertTrue(delay >= 200 && delay <= 400, "backoff of try 3 with random " + random + ": " + delay);
        }
    }

    @Test
    void backoffAfterManyTriesNeitherOverflowsNorExceedsTheCap() {
        assertEquals(2_000, longest.backoff(64));
        assertEquals(2_000, longest.backoff(Integer.MAX_VALUE));
    }

    @Test
    void aFailureWithoutRetryAfterWaitsTheBackoff() {
        long delay = longest.delayMs(failure(FailureReason.UNAVAILABLE, 503, -1), 2, 0, PLENTY);

        assertEquals(200, delay);
    }

    @Test
    void theEndpointsRetryAfterReplacesTheBackoff() {
        long delay = longest.delayMs(failure(FailureReason.RATE_LIMITED, 429, 1_500), 1, 0, PLENTY);

        assertEquals(1_500, delay);
    }

    @Test
    void aRetryAfterOfZeroRetriesAtOnce() {
        assertEquals(0, longest.delayMs(failure(FailureReason.RATE_LIMITED, 429, 0), 1, 0, PLENTY));
    }

    @Test
    void aRetryAfterLongerThanTheMaximumIsNotWaitedFor() {
        assertEquals(-1, longest.delayMs(failure(FailureReason.RATE_LIMITED, 429, MAX_RETRY_AFTER + 1), 1, 0, PLENTY));
        assertEquals(MAX_RETRY_AFTER, longest.delayMs(failure(FailureReason.RATE_LIMITED, 429, MAX_RETRY_AFTER), 1, 0, PLENTY));
    }

    @Test
    void noRetryIsStartedThatCannotHaveItsMinimumTryBeforeTheDeadline() {
        ModelCallException rateLimited = failure(FailureReason.RATE_LIMITED, 429, 1_000);

        assertEquals(1_000, longest.delayMs(rateLimited, 1, 0, 1_000 + MIN_ATTEMPT), "just enough time");
        assertEquals(-1, longest.delayMs(rateLimited, 1, 0, 1_000 + MIN_ATTEMPT - 1), "one millisecond short");
    }

    @Test
    void theBackoffCountsAgainstTheDeadlineToo() {
        ModelCallException unavailable = failure(FailureReason.UNAVAILABLE, 503, -1);

        assertEquals(400, longest.delayMs(unavailable, 3, 0, 400 + MIN_ATTEMPT));
        assertEquals(-1, longest.delayMs(unavailable, 3, 0, 400 + MIN_ATTEMPT - 1));
        assertEquals(-1, longest.delayMs(unavailable, 1, 0, -5), "past the deadline");
    }

    @ParameterizedTest(name = "HTTP {0} is retried")
    @ValueSource(ints = { 408, 409, 429, 500, 502, 503, 504, 520, 524, 599 })
    void theStatusesTheOfficialSdksRetryAreRetried(int status) {
        FailureReason reason = RetryPolicy.reasonOf(status, ProviderError.NONE);

        assertTrue(longest.delayMs(failure(reason, status, -1), 1, 0, PLENTY) >= 0, status + " -> " + reason);
    }

    @ParameterizedTest(name = "HTTP {0} is not retried")
    @ValueSource(ints = { 400, 401, 402, 403, 404, 413, 422 })
    void otherClientErrorsAreNotRetried(int status) {
        FailureReason reason = RetryPolicy.reasonOf(status, ProviderError.NONE);

        assertEquals(-1, longest.delayMs(failure(reason, status, -1), 1, 0, PLENTY), status + " -> " + reason);
    }

    @Test
    void whatEachStatusMeans() {
        assertEquals(List.of(FailureReason.MODEL_ERROR, FailureReason.UNAUTHORIZED, FailureReason.QUOTA_EXCEEDED,
                FailureReason.UNAUTHORIZED, FailureReason.MODEL_ERROR, FailureReason.TIMEOUT, FailureReason.UNAVAILABLE,
                FailureReason.RATE_LIMITED, FailureReason.UNAVAILABLE, FailureReason.UNAVAILABLE),
                List.of(400, 401, 402, 403, 404, 408, 409, 429, 500, 524).stream()
                        .map(status -> RetryPolicy.reasonOf(status, ProviderError.NONE)).toList());
    }

    @Test
    void a429WithoutQuotaLeftIsNotARateLimitAndIsNotRetried() throws IOException {
        ProviderError error = ProviderError.of(JSON, provider("openai-insufficient-quota-429.json"));

        FailureReason reason = RetryPolicy.reasonOf(429, error);

        assertEquals(FailureReason.QUOTA_EXCEEDED, reason);
        assertEquals(-1, longest.delayMs(failure(reason, 429, 1_000), 1, 0, PLENTY));
    }

    @Test
    void anOrdinaryRateLimitBodyIsStillARateLimit() throws IOException {
        ProviderError error = ProviderError.of(JSON, provider("openai-rate-limit-429.json"));

        assertEquals(FailureReason.RATE_LIMITED, RetryPolicy.reasonOf(429, error));
    }

    @Test
    void a403ForFlaggedInputIsARefusalNotABadKeyAndIsNotRetried() throws IOException {
        ProviderError error = ProviderError.of(JSON, provider("openrouter-moderation-403.json"));

        FailureReason reason = RetryPolicy.reasonOf(403, error);

        assertEquals(FailureReason.REFUSED, reason);
        assertEquals(-1, longest.delayMs(failure(reason, 403, -1), 1, 0, PLENTY));
    }

    @Test
    void xShouldRetryTrueRetriesWhatTheStatusAloneWouldNot() {
        ModelCallException badRequest = failure(FailureReason.MODEL_ERROR, 400, -1)
                .withServerSaysRetry(RetryPolicy.shouldRetryHeader("true"));

        assertEquals(100, longest.delayMs(badRequest, 1, 0, PLENTY));
    }

    @Test
    void xShouldRetryFalseStopsARetryTheStatusWouldAllow() {
        ModelCallException unavailable = failure(FailureReason.UNAVAILABLE, 503, 500)
                .withServerSaysRetry(RetryPolicy.shouldRetryHeader("false"));

        assertEquals(-1, longest.delayMs(unavailable, 1, 0, PLENTY));
    }

    @Test
    void xShouldRetryCannotRetryARefusedKeyNoQuotaARefusedInputOrTheDeadline() {
        for (FailureReason reason : List.of(FailureReason.UNAUTHORIZED, FailureReason.QUOTA_EXCEEDED,
                FailureReason.REFUSED, FailureReason.DEADLINE)) {
            ModelCallException failure = failure(reason, 401, -1).withServerSaysRetry(Boolean.TRUE);

            assertEquals(-1, longest.delayMs(failure, 1, 0, PLENTY), reason.name());
        }
    }

    @Test
    void onlyTheExactValuesTrueAndFalseOfXShouldRetryCount() {
        assertEquals(Boolean.TRUE, RetryPolicy.shouldRetryHeader("true"));
        assertEquals(Boolean.FALSE, RetryPolicy.shouldRetryHeader("false"));
        assertNull(RetryPolicy.shouldRetryHeader(null));
        assertNull(RetryPolicy.shouldRetryHeader("yes"));
    }

    @Test
    void anInvalidAnswerIsRetriedOnceNeverTwice() {
        ModelCallException invalid = new ModelCallException(FailureReason.INVALID_ANSWER, "label outside the allowed set");

        assertEquals(100, longest.delayMs(invalid, 1, 1, PLENTY));
        assertEquals(-1, longest.delayMs(invalid, 2, 2, PLENTY));
    }

    @Test
    void aClientSideTimeoutIsRetriedAndAnOpenCircuitIsNot() {
        assertEquals(100, longest.delayMs(new ModelCallException(FailureReason.TIMEOUT, "no answer within 5000 ms"), 1, 0,
                PLENTY));
        assertEquals(-1, longest.delayMs(new ModelCallException(FailureReason.CIRCUIT_OPEN, "open"), 1, 0, PLENTY));
    }

    @Test
    void retryAfterInSecondsFractionsAllowed() {
        assertEquals(2_000, RetryPolicy.retryAfterMillis(null, "2", 0));
        assertEquals(500, RetryPolicy.retryAfterMillis(null, " 0.5 ", 0));
        assertEquals(0, RetryPolicy.retryAfterMillis(null, "-3", 0), "a negative delay is no delay");
    }

    @Test
    void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
        long now = Instant.parse("2015-10-21T07:27:57Z").toEpochMilli();

        assertEquals(3_000, RetryPolicy.retryAfterMillis(null, "Wed, 21 Oct 2015 07:28:00 GMT", now));
        assertEquals(0, RetryPolicy.retryAfterMillis(null, "Wed, 21 Oct 2015 07:27:00 GMT", now), "a date in the past");
    }

    @Test
    void retryAfterMsComesFirst() {
        assertEquals(250, RetryPolicy.retryAfterMillis("250", "10", 0));
        assertEquals(1_200, RetryPolicy.retryAfterMillis("1200.7", null, 0));
    }

    @Test
    void anUnreadableRetryAfterMsFallsBackToRetryAfter() {
        assertEquals(2_000, RetryPolicy.retryAfterMillis("soon", "2", 0));
        assertEquals(2_000, RetryPolicy.retryAfterMillis("NaN", "2", 0));
        assertEquals(2_000, RetryPolicy.retryAfterMillis(" ", "2", 0));
    }

    @Test
    void noOrUnreadableHeadersMeanNoRetryAfter() {
        assertEquals(-1, RetryPolicy.retryAfterMillis(null, null, 0));
        assertEquals(-1, RetryPolicy.retryAfterMillis(null, "", 0));
        assertEquals(-1, RetryPolicy.retryAfterMillis(null, "tomorrow", 0));
    }

    private static RetryPolicy policy(long random) {
        return new RetryPolicy(INITIAL, MAX_BACKOFF, MAX_RETRY_AFTER, MIN_ATTEMPT, () -> random);
    }

    private static ModelCallException failure(FailureReason reason, int status, long retryAfterMs) {
        return new ModelCallException(reason, status, retryAfterMs, "HTTP " + status);
    }

    private static String provider(String fixture) throws IOException {
        return Files.readString(Path.of("src/test/resources/providers", fixture));
    }
}
