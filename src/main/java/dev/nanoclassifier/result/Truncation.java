package dev.nanoclassifier.result;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A part of the request that was cut to fit its token budget, with its size before and after. */
@RegisterForReflection
public record Truncation(String field, int tokensBefore, int tokensAfter) {
}
