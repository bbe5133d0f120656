package dev.nanoclassifier.eval.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nanoclassifier.bench.json.Json;

/**
 * Reads a JSONL data file: one case a line, the request as the function accepts it plus
 * {@code "expected"} ({@code "label"} is read as a synonym, the format of the shipped
 * support-triage set). A malformed line is reported with its number and skipped; an expected
 * label (or candidate id) that the request could never answer makes the whole file an error,
 * before anything is called.
 */
public final class DatasetReader {

    private final LabelCatalog catalog;

    public DatasetReader(LabelCatalog catalog) {
        this.catalog = catalog;
    }

    public Dataset read(Path file) throws IOException, DatasetException {
        String name = file.getFileName().toString().replaceFirst("\\.jsonl?$", "");
        return read(name, file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    public Dataset read(String name, String path, String content) throws IOException, DatasetException {
        List<EvalCase> cases = new ArrayList<>();
        List<LineProblem> skipped = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> warnings = new java.util.LinkedHashSet<>();
        Set<String> keys = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(content))) {
            String raw;
            int lineNo = 0;
            while ((raw = reader.readLine()) != null) {
                lineNo++;
                String line = raw.strip();
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isEmpty() || line.startsWith("//")) {
                    continue;
                }
                try {
                    EvalCase c = parseLine(name, lineNo, line, errors, warnings);
                    if (c != null) {
                        String key = c.key();
                        int dup = 2;
                        while (!keys.add(key)) {
                            key = c.key() + "#" + dup++;
                        }
                        cases.add(key.equals(c.key()) ? c : new EvalCase(c.dataset(), c.line(), key, c.kind(),
                                c.request(), c.expected(), c.choices(), c.text()));
                    }
                } catch (Malformed m) {
                    skipped.add(new LineProblem(name, lineNo, m.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new DatasetException(errors);
        }
        return new Dataset(name, path, List.copyOf(cases), List.copyOf(skipped), List.copyOf(warnings));
    }

    /** A line that is not a usable case: skipped and counted, never fatal. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private EvalCase parseLine(String dataset, int lineNo, String line, List<String> errors, Set<String> warnings)
            throws Malformed {
        Map<String, Object> root;
        try {
            root = Json.object(Json.parse(line));
        } catch (Json.ParseException e) {
            throw new Malformed("not valid JSON: " + e.getMessage());
        }
        if (root == null) {
            throw new Malformed("not a JSON object");
        }
        Map<String, Object> request = new LinkedHashMap<>(root);
        Object expectedNode = request.containsKey("expected") ? request.remove("expected") : request.remove("label");
        if (expectedNode == null) {
            throw new Malformed("\"expected\" is missing (a label, a list of labels, or the relevant candidate ids)");
        }
        List<String> expected = strings(expectedNode, "expected");
        if (expected.isEmpty()) {
            throw new Malformed("\"expected\" is empty");
        }
        Object taskNode = request.get("task");
        String task = taskNode == null ? "classify" : String.valueOf(taskNode);
        String where = dataset + ".jsonl line " + lineNo;
        switch (task) {
            case "classify":
                return classify(dataset, lineNo, line, request, expected, where, errors, warnings);
            case "rank":
                return rank(dataset, lineNo, line, request, expected, where, errors);
            default:
                throw new Malformed("\"task\" must be \"classify\" or \"rank\", was " + Json.write(taskNode));
        }
    }

    private EvalCase classify(String dataset, int lineNo, String line, Map<String, Object> request, List<String> expected,
            String where, List<String> errors, Set<String> warnings) throws Malformed {
        Object input = request.get("input");
        if (!(input instanceof String) || ((String) input).isBlank()) {
            throw new Malformed("\"input\" is missing or not a non-empty string");
        }
        List<String> choices = null;
        boolean multi = Boolean.TRUE.equals(request.get("multiLabel"));
        Object classifier = request.get("classifier");
        if (classifier instanceof String) {
            LabelCatalog.Entry entry = catalog.find((String) classifier).orElse(null);
            if (entry == null) {
                warnings.add("classifier \"" + classifier + "\" is not defined here (known: " + String.join(", ", catalog.names())
                        + "; add its file with --classifiers), so its expected labels are not checked");
            } else {
                choices = entry.labels();
                multi = entry.multiLabel();
            }
        } else {
            List<Object> labels = Json.array(request.get("labels"));
            if (labels == null || labels.isEmpty()) {
                throw new Malformed("\"labels\" is missing (or name a \"classifier\")");
            }
            choices = new ArrayList<>();
            for (Object label : labels) {
                Object n = label instanceof String ? label : Json.path(label, "name");
                if (!(n instanceof String)) {
                    throw new Malformed("\"labels\": every label is a string or an object with a \"name\"");
                }
                choices.add((String) n);
            }
        }
        if (!multi && expected.size() > 1) {
            errors.add(where + ": \"expected\" lists " + expected.size() + " labels but the request is single-label"
                    + " (set \"multiLabel\":true, or expect one label)");
            return null;
        }
        if (choices != null) {
            for (String e : expected) {
                if (!choices.contains(e)) {
                    errors.add(where + ": expected label \"" + e + "\" is not one of the labels " + choices);
                }
            }
        }
        return new EvalCase(dataset, lineNo, key(dataset, line), multi ? Kind.MULTI_LABEL : Kind.CLASSIFY, request,
                expected, choices == null ? null : List.copyOf(choices), (String) input);
    }

    private EvalCase rank(String dataset, int lineNo, String line, Map<String, Object> request, List<String> expected,
            String where, List<String> errors) throws Malformed {
        Object query = request.get("query");
        if (!(query instanceof String) || ((String) query).isBlank()) {
            throw new Malformed("\"query\" is missing or not a non-empty string");
        }
        List<Object> candidates = Json.array(request.get("candidates"));
        if (candidates == null || candidates.isEmpty()) {
            throw new Malformed("\"candidates\" is missing or empty");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Object c = candidates.get(i);
            Object id = c instanceof String ? String.valueOf(i) : Json.path(c, "id");
            if (!(id instanceof String)) {
                throw new Malformed("\"candidates\": every candidate is a string or an object with a string \"id\"");
            }
            ids.add((String) id);
        }
        for (String e : expected) {
            if (!ids.contains(e)) {
                errors.add(where + ": expected candidate id \"" + e + "\" is not one of the candidates " + ids);
            }
        }
        if (new HashSet<>(expected).size() != expected.size()) {
            errors.add(where + ": \"expected\" names a candidate id twice");
        }
        return new EvalCase(dataset, lineNo, key(dataset, line), Kind.RANK, request, expected, List.copyOf(ids),
                (String) query);
    }

    private static List<String> strings(Object node, String field) throws Malformed {
        List<String> out = new ArrayList<>();
        if (node instanceof String) {
            out.add((String) node);
            return out;
        }
        List<Object> list = Json.array(node);
        if (list == null) {
            throw new Malformed("\"" + field + "\" must be a string or a list of strings");
        }
        for (Object o : list) {
            if (!(o instanceof String)) {
                throw new Malformed("\"" + field + "\" must be a string or a list of strings");
            }
            out.add((String) o);
        }
        return out;
    }

    /** The dataset and the first 16 hex digits of the line's SHA-256: an edited line is a new case. */
    static String key(String dataset, String line) {
        return dataset + ":" + Fingerprint.of(line);
    }
}
