package dev.nanoclassifier.classifier.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.classifier.budget.TokenCounter;
import dev.nanoclassifier.classifier.cost.CostCalculator;
import dev.nanoclassifier.classifier.model.FailureReason;
import dev.nanoclassifier.classifier.model.ModelCallException;
import dev.nanoclassifier.classifier.model.ModelQuestion;
import dev.nanoclassifier.classifier.model.ModelStep;
import dev.nanoclassifier.classifier.model.StepTally;
import dev.nanoclassifier.request.ClassificationRequest;
import dev.nanoclassifier.request.FallbackMode;
import dev.nanoclassifier.request.LabelSpec;
import dev.nanoclassifier.result.Attempt;

/** The fallback chain over fake model steps: plain JUnit, no Quarkus, no HTTP. */
class FallbackChainTest {

    private static final ModelQuestion QUESTION = new ModelQuestion(List.of(), null, null, 16, response -> List.of());

    @Test
    void whenThePrimaryFailsTheFallbackAnswersAndTheAnswerIsDegraded() {
        FakeStep primary = FakeStep.failing("primary-model", FailureReason.UNAVAILABLE, -1);
        FakeStep fallback = FakeStep.answering("fallback-model", "bug");

        ChainOutcome outcome = chain(primary, fallback).run(request(FallbackMode.CHAIN), QUESTION, Deadline.in(5_000));

        assertTrue(outcome.answered());
        assertEquals(List.of("bug"), outcome.answer());
        assertEquals("fallback-model", outcome.model());
        assertTrue(outcome.degraded());
        assertEquals(FailureReason.UNAVAILABLE, outcome.firstFailure());
        assertEquals(List.of("primary-model:unavailable", "fallback-model:ok"), steps(outcome.attempts()));
        assertSame(QUESTION, primary.asked.get(0), "every step is asked the same question");
        assertSame(QUESTION, fallback.asked.get(0));
    }

    @Test
    void withFallbackNoneAFailedPrimaryExhaustsTheChainWithoutAskingTheFallback() {
        FakeStep primary = FakeStep.failing("primary-model", FailureReason.RATE_LIMITED, 2_000);
        FakeStep fallback = FakeStep.answering("fallback-model", "bug");

        ChainOutcome outcome = chain(primary, fallback).run(request(FallbackMode.NONE), QUESTION, Deadline.in(5_000));

        assertFalse(outcome.answered());
        assertNull(outcome.answer());
        assertEquals(FailureReason.RATE_LIMITED, outcome.firstFailure());
        assertEquals(2_000, outcome.retryAfterMs());
        assertEquals(List.of("primary-model:rate_limited"), steps(outcome.attempts()));
        assertTrue(fallback.asked.isEmpty(), "the fallback was asked although the request said \"fallback\":\"none\"");
    }

    private static FallbackChain chain(ModelStep... steps) {
        return new FallbackChain(List.of(steps), false, Optional.empty(), 30_000, new CostCalculator(Map.of()),
                new TokenCounter());
    }

    private static ClassificationRequest request(FallbackMode fallback) {
        return new ClassificationRequest.Classify("r1", null, "the export crashes",
                List.of(LabelSpec.named("bug"), LabelSpec.named("feature-request")), null, false, fallback);
    }

    private static List<String> steps(List<Attempt> attempts) {
        return attempts.stream().map(a -> a.step() + ":" + a.outcome()).toList();
    }

    /** A model step that answers or fails as told, and remembers what it was asked. */
    private static final class FakeStep implements ModelStep {
        private final String model;
        private final List<String> answer;
        private final ModelCallException failure;
        final List<ModelQuestion> asked = new ArrayList<>();

        private FakeStep(String model, List<String> answer, ModelCallException failure) {
            this.model = model;
            this.answer = answer;
            this.failure = failure;
        }

        static FakeStep answering(String model, String label) {
            return new FakeStep(model, List.of(label), null);
        }

        static FakeStep failing(String model, FailureReason reason, long retryAfterMs) {
            return new FakeStep(model, null, new ModelCallException(reason, 0, retryAfterMs, "fake " + reason));
        }

        @Override
        public String model() {
            return model;
        }

        @Override
        public List<String> call(ModelQuestion question, Deadline deadline, StepTally tally) {
            asked.add(question);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }
}
