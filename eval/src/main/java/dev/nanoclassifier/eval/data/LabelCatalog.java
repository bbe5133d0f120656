package dev.nanoclassifier.eval.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.nanoclassifier.bench.json.Json;

/**
 * The label sets of the named classifiers, read from the same JSON files the function reads
 * ({@code src/main/resources/classifiers.json} and a {@code CLASSIFIER_DEFINITIONS_FILE}), so that
 * an expected label outside a classifier's set is caught before any call.
 */
public final class LabelCatalog {

    /** A named classifier as far as scoring is concerned. */
    public record Entry(List<String> labels, boolean multiLabel) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public static LabelCatalog empty() {
        return new LabelCatalog();
    }

    /** Reads each existing file in order; a later file replaces a classifier of the same name. */
    public static LabelCatalog read(List<Path> files) throws IOException {
        LabelCatalog catalog = new LabelCatalog();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                catalog.add(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            }
        }
        return catalog;
    }

    void add(String json, String source) throws IOException {
        Map<String, Object> root;
        try {
            root = Json.object(Json.parse(json));
        } catch (Json.ParseException e) {
            throw new IOException(source + ": not valid JSON (" + e.getMessage() + ")");
        }
        if (root == null) {
            throw new IOException(source + ": expected a JSON object of named classifiers");
        }
        for (Map.Entry<String, Object> e : root.entrySet()) {
            List<Object> labels = Json.array(Json.path(e.getValue(), "labels"));
            if (labels == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (Object label : labels) {
                Object name = label instanceof String ? label : Json.path(label, "name");
                if (name instanceof String) {
                    names.add((String) name);
                }
            }
            entries.put(e.getKey(), new Entry(List.copyOf(names), Boolean.TRUE.equals(Json.path(e.getValue(), "multiLabel"))));
        }
    }

    public Optional<Entry> find(String classifier) {
        return Optional.ofNullable(entries.get(classifier));
    }

    public List<String> names() {
        return List.copyOf(entries.keySet());
    }
}
