package dev.nanoclassifier.eval.run;

import dev.nanoclassifier.eval.data.EvalCase;

/** Where the cases of one configuration are sent: the packaged function, or a deployed one over HTTP. */
public interface Target extends AutoCloseable {

    /** Sends the case's request and scores the answer; never throws for a failed call, returns a failure. */
    CaseResult call(EvalCase c) throws InterruptedException;

    /** How many calls may be in flight at once (at most the run's concurrency). */
    int parallelism();

    @Override
    default void close() {
    }
}
