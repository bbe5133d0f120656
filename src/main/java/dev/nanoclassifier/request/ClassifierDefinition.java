package dev.nanoclassifier.request;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A named server-side classifier: labels, instructions and mode fixed by configuration. */
@RegisterForReflection
public record ClassifierDefinition(String description, String instructions, List<LabelSpec> labels, boolean multiLabel) {

    public ClassifierDefinition {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
