package dev.nanoclassifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure of {@code src/main/java}, read from the source: which package imports
 * which (import statements and fully qualified names in code). Plain JUnit, no Quarkus.
 *
 * <p>The flow is event → adapter → request → classifier → result; as dependencies that is the
 * {@link #LAYERS} list below, top first. A package may depend only on packages listed below it.
 * Every package must be listed, so a new package is placed on purpose.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.nanoclassifier.";

    /** Top first. A package may import only the packages below it. */
    static final List<String> LAYERS = List.of(
            "startup",              // priming at init: touches the wire types, answers nothing
            "adapter",              // the Lambda handler and one adapter per trigger: outcome -> trigger shape
            "sink",                 // where SQS-triggered results are written (results queue, log)
            "event",                // trigger wire types (API Gateway, SQS); imports nothing of the app
            "answer",               // the use case: request in, sealed outcome out, logged once
            "classifier",           // budget, cache, fallback chain, result shaping
            "classifier.fallback",  // the chain of model steps, local classifier and default label
            "classifier.prompt",    // messages, strict schemas, answer validation
            "classifier.local",     // the embedded lexical classifier
            "classifier.model",     // one OpenAI-compatible endpoint: client, retries, breaker
            "classifier.cost",      // price of a model call
            "classifier.budget",    // token budgets and the deadline
            "request",              // parsing and validation into the sealed request types
            "observability",        // request log line, metrics, stdout lines
            "result",               // pure DTO records of the answer; imports nothing of the app
            "config");              // the one @ConfigMapping; imports nothing of the app

    /** Packages that import no other package of the app. */
    static final Set<String> LEAVES = Set.of("event", "result", "config");

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.nanoclassifier\\.((?:[a-z_][\\w]*\\.)*)[A-Z]");

    private static Map<String, Set<String>> dependencies;

    @BeforeAll
    static void scan() {
        dependencies = scan(Path.of("src/main/java"));
    }

    @Test
    void everyPackageHasAPlaceInTheLayers() {
        Set<String> unlisted = new TreeSet<>(dependencies.keySet());
        LAYERS.forEach(unlisted::remove);
        assertTrue(unlisted.isEmpty(), "packages missing from ArchitectureTest.LAYERS: " + unlisted);
    }

    @Test
    void noPackageDependsOnALayerAboveIt() {
        List<String> against = new ArrayList<>();
        dependencies.forEach((from, targets) -> {
            for (String to : targets) {
                if (LAYERS.contains(from) && LAYERS.contains(to) && LAYERS.indexOf(to) <= LAYERS.indexOf(from)) {
                    against.add(from + " -> " + to);
                }
            }
        });
        assertEquals(List.of(), against, "dependencies against the layer order " + LAYERS);
    }

    @Test
    void wireAndConfigPackagesImportNothingOfTheApp() {
        List<String> found = new ArrayList<>();
        for (String leaf : LEAVES) {
            dependencies.getOrDefault(leaf, Set.of()).forEach(to -> found.add(leaf + " -> " + to));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void noPackageCycle() {
        List<String> cycle = findCycle(dependencies);
        assertEquals(List.of(), cycle, "package cycle");
    }

    /** Package (without {@code dev.nanoclassifier.}) to the other app packages it refers to. */
    static Map<String, Set<String>> scan(Path sources) {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = withoutComments(Files.readString(file));
                Matcher declared = PACKAGE.matcher(text);
                if (!declared.find() || !declared.group(1).startsWith(ROOT)) {
                    continue;
                }
                String from = declared.group(1).substring(ROOT.length());
                Set<String> targets = graph.computeIfAbsent(from, key -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(text.substring(declared.end()));
                while (reference.find()) {
                    String to = reference.group(1).isEmpty() ? "" : reference.group(1).substring(0, reference.group(1).length() - 1);
                    if (!to.isEmpty() && !to.equals(from)) {
                        targets.add(to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** Removes block and line comments (Javadoc may name any class without depending on it). */
    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
    }

    /** The first cycle found, as a path that returns to its start; empty when there is none. */
    static List<String> findCycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>(); // 1 = on the current path, 2 = done
        List<String> path = new ArrayList<>();
        for (String start : graph.keySet()) {
            List<String> cycle = visit(start, graph, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, Set<String>> graph, Map<String, Integer> state,
            List<String> path) {
        Integer seen = state.get(node);
        if (seen != null && seen == 2) {
            return List.of();
        }
        if (seen != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> cycle = visit(next, graph, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return List.of();
    }
}
