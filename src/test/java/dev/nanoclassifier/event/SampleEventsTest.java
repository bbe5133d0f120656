package dev.nanoclassifier.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sample events in {@code src/test/resources/events} and their register {@code SOURCES.md} agree:
 * every file listed exists, every file is listed with its source, and every file is used by a test.
 * Plain JUnit: it reads the project directory (Maven's working directory).
 */
class SampleEventsTest {

    private static final Path EVENTS = Path.of("src/test/resources/events");
    private static final Path TESTS = Path.of("src/test/java");
    /** A row of the sources table: {@code | `file.json` | trigger | [owner/repo](...) | `path` | license |}. */
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+\\.json)` \\|.*\\| \\[([^\\]]+)\\]\\([^)]+\\) \\| `([^`]+)` \\| ([^|]+) \\|$");

    @Test
    void everyListedSampleExistsAndEverySampleIsListedWithItsSource() throws IOException {
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(EVENTS.resolve("SOURCES.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertTrue(listed.add(row.group(1)), row.group(1) + " is listed twice");
                assertTrue(row.group(2).contains("/"), "no source repository for " + row.group(1));
                assertFalse(row.group(4).isBlank(), "no license for " + row.group(1));
            }
        }

        assertEquals(samples(), listed, "files in " + EVENTS + " vs rows of SOURCES.md");
    }

    @Test
    void everySampleIsValidJsonAndUsedByATest() throws IOException {
        String testSources;
        try (Stream<Path> files = Files.walk(TESTS)) {
            testSources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().equals("SampleEventsTest.java"))
                    .map(SampleEventsTest::read)
                    .collect(Collectors.joining("\n"));
        }
        ObjectMapper json = new ObjectMapper();

        for (String sample : samples()) {
            assertTrue(json.readTree(EVENTS.resolve(sample).toFile()).isObject(), sample + " is not a JSON object");
            assertTrue(testSources.contains("\"" + sample + "\""), sample + " is not used by any test");
        }
    }

    private static Set<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
