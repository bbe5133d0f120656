package dev.nanoclassifier.answer;

import java.util.List;
import java.util.function.Function;

import dev.nanoclassifier.classifier.model.FailureReason;
import dev.nanoclassifier.request.InvalidRequestException;
import dev.nanoclassifier.result.Attempt;
import dev.nanoclassifier.result.ClassificationResult;
import dev.nanoclassifier.result.OutcomeKind;

/**
 * How one request ended, whatever its trigger: {@link Answered}, {@link Rejected} or
 * {@link Failed}. Each adapter maps it to its trigger's shape through {@link #match}, which the
 * compiler checks covers every kind.
 */
public sealed interface Outcome permits Outcome.Answered, Outcome.Rejected, Outcome.Failed {

    OutcomeKind kind();

    <R> R match(Function<? super Answered, ? extends R> answered, Function<? super Rejected, ? extends R> rejected,
            Function<? super Failed, ? extends R> failed);

    /** The answer. */
    record Answered(ClassificationResult result) implements Outcome {

        @Override
        public OutcomeKind kind() {
            return OutcomeKind.ANSWERED;
        }

        @Override
        public <R> R match(Function<? super Answered, ? extends R> answered, Function<? super Rejected, ? extends R> rejected,
                Function<? super Failed, ? extends R> failed) {
            return answered.apply(this);
        }
    }

    /**
     * The request was refused: {@code code} ({@code invalid_request}, {@code over_budget},
     * {@code payload_too_large}), a message that starts with the {@code field} at fault, and the
     * request's {@code requestId} and {@code task} when it was parsed before it was refused (else
     * null). {@code cause} is the error a direct invocation throws.
     */
    record Rejected(String code, String message, String field, String requestId, String task,
            InvalidRequestException cause) implements Outcome {

        @Override
        public OutcomeKind kind() {
            return OutcomeKind.REJECTED;
        }

        @Override
        public <R> R match(Function<? super Answered, ? extends R> answered, Function<? super Rejected, ? extends R> rejected,
                Function<? super Failed, ? extends R> failed) {
            return rejected.apply(this);
        }
    }

    /**
     * The request could not be answered: {@code reason} why no step answered (null when the
     * function itself failed, an internal error), how long to wait before trying again
     * ({@code retryAfterMs}, -1 when unknown), the steps tried, a message for the caller that never
     * quotes the request, and the error a direct invocation throws ({@code cause}).
     */
    record Failed(FailureReason reason, long retryAfterMs, List<Attempt> attempts, String message, RuntimeException cause)
            implements Outcome {

        @Override
        public OutcomeKind kind() {
            return OutcomeKind.FAILED;
        }

        @Override
        public <R> R match(Function<? super Answered, ? extends R> answered, Function<? super Rejected, ? extends R> rejected,
                Function<? super Failed, ? extends R> failed) {
            return failed.apply(this);
        }

        /** The function failed, not the model: a bug or an exhausted resource. */
        public boolean internal() {
            return reason == null;
        }

        /** The error code logged: the failure reason's wire name, or {@code internal_error}. */
        public String code() {
            return reason == null ? "internal_error" : reason.wireName();
        }
    }
}
