package dev.nanoclassifier.result;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One candidate in a ranking; rank 1 is the best. */
@RegisterForReflection
public record RankedItem(String id, int rank) {
}
