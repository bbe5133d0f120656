package dev.nanoclassifier.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The real AWS sample events of {@code src/test/resources/events}, read from the project directory. */
final class EventFixtures {

    static final Path DIRECTORY = Path.of("src/test/resources/events");
    static final ObjectMapper JSON = new ObjectMapper();

    private EventFixtures() {
    }

    /** Every {@code .json} file of the directory, sorted by name. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, mutable copy of the fixture, so a test may change a field of the real event. */
    static ObjectNode read(String name) {
        try {
            return (ObjectNode) JSON.readTree(DIRECTORY.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
