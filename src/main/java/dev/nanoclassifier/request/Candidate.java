package dev.nanoclassifier.request;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One item to rank: the id the ranking refers to and the text judged against the query. */
@RegisterForReflection
public record Candidate(String id, String text) {
}
