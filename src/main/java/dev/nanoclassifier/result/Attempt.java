package dev.nanoclassifier.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One step of the fallback chain as it happened: the model (or {@code local}, {@code default},
 * {@code cache}), its outcome ({@code ok} or a failure reason), its milliseconds and HTTP tries, and
 * what was repaired in its answer instead of asking again (e.g. {@code "dropped 1 repeated id"}).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attempt(String step, String outcome, long ms, Integer tries, String repaired) {

    public static final String OK = "ok";

    public Attempt(String step, String outcome, long ms, Integer tries) {
        this(step, outcome, ms, tries, null);
    }
}
