package dev.nanoclassifier.classifier.model;

import java.util.List;

import dev.nanoclassifier.classifier.budget.Deadline;

/**
 * One model step of the fallback chain: one model at one endpoint. {@link ModelEndpoint} is the
 * real one (HTTP client, retries, circuit breaker); the chain depends only on this, so it can be
 * driven by fakes in a plain unit test.
 */
public interface ModelStep {

    /** The model name as the endpoint knows it; the response's {@code model} when this step answers. */
    String model();

    /**
     * Asks the model {@code question} within {@code deadline} and returns its validated answer
     * (labels, or candidate ids best first). {@code tally} receives the tries and reported usage.
     *
     * @throws ModelCallException when the step cannot answer; its reason is the attempt's outcome
     */
    List<String> call(ModelQuestion question, Deadline deadline, StepTally tally) throws ModelCallException;
}
