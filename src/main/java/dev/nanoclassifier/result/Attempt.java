package dev.nanoclassifier.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One step of the fallback chain as it happened: the model (or {@code local}, {@code default},
 * {@code cache}), its outcome ({@code ok} or a failure reason), its milliseconds and HTTP tries.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attempt(String step, String outcome, long ms, Integer tries) {

    public static final String OK = "ok";
}
