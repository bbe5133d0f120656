package dev.nanoclassifier.classifier.budget;

/**
 * Too little time is left before the deadline to go on fitting the request to its budgets: work
 * that could not finish in time is not started (the request fails like a model out of time).
 */
public class OutOfTimeException extends RuntimeException {

    public OutOfTimeException() {
        super("too little time left to fit the request to its token budgets", null, false, false);
    }
}
