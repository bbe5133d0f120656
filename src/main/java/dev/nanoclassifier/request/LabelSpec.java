package dev.nanoclassifier.request;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One label a classifier may answer with: its name (what the caller gets back), an optional
 * description of when it applies, and optional example inputs.
 */
@RegisterForReflection
public record LabelSpec(String name, String description, List<String> examples) {

    public LabelSpec {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public static LabelSpec named(String name) {
        return new LabelSpec(name, null, List.of());
    }
}
