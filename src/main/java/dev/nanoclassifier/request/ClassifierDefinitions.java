package dev.nanoclassifier.request;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.config.ClassifierConfig;

/**
 * The named server-side classifiers: the bundled {@code classifiers.json}, plus the entries of
 * {@code classifier.definitions-file} when set. Read and validated once per execution environment.
 */
@Singleton
public class ClassifierDefinitions {

    static final String BUNDLED = "classifiers.json";

    private final Map<String, ClassifierDefinition> byName;

    public ClassifierDefinitions(ObjectMapper mapper, ClassifierConfig config) {
        LabelsReader labelsReader = new LabelsReader(config.limits());
        Map<String, ClassifierDefinition> all = new LinkedHashMap<>(read(labelsReader, bundled(mapper), BUNDLED));
        config.definitionsFile().ifPresent(file -> all.putAll(read(labelsReader, fromFile(mapper, file), file)));
        this.byName = Collections.unmodifiableMap(all);
    }

    public Optional<ClassifierDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    private static Map<String, ClassifierDefinition> read(LabelsReader labelsReader, JsonNode root, String source) {
        if (!root.isObject()) {
            throw new IllegalStateException(source + ": must be a JSON object of named classifiers");
        }
        Map<String, ClassifierDefinition> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String field = source + ": " + entry.getKey();
            JsonNode node = entry.getValue();
            try {
                List<LabelSpec> labels = labelsReader.read(node.path("labels"), "labels");
                result.put(entry.getKey(), new ClassifierDefinition(
                        node.path("description").asText(null),
                        node.path("instructions").asText(null),
                        labels,
                        node.path("multiLabel").asBoolean(false)));
            } catch (InvalidRequestException e) {
                throw new IllegalStateException(field + "." + e.getMessage(), e);
            }
        }
        return result;
    }

    private static JsonNode bundled(ObjectMapper mapper) {
        try (InputStream in = ClassifierDefinitions.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the application");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(BUNDLED + " cannot be read", e);
        }
    }

    private static JsonNode fromFile(ObjectMapper mapper, String file) {
        try {
            return mapper.readTree(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new IllegalStateException("classifier.definitions-file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
