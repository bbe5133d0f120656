package dev.nanoclassifier.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nanoclassifier.bench.json.Json;

/** The tool end to end with scripted functions: outputs, comparison, bad data, resume. */
class EvalMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, ScriptedFunction> functions = new HashMap<>();

    private int run(String... args) {
        out.reset();
        err.reset();
        EvalMain main = new EvalMain(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                (spec, options) -> functions.get(spec.name()));
        return main.run(args);
    }

    private Path data(String name, String... lines) throws Exception {
        Path p = dir.resolve(name + ".jsonl");
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    private static String triage(String input, String expected) {
        return "{\"labels\":[\"billing\",\"bug\",\"other\"],\"input\":\"" + input + "\",\"expected\":\"" + expected + "\"}";
    }

    @Test
    void twoConfigurationsSideBySideWithAllThreeOutputs() throws Exception {
        Path file = data("tiny",
                triage("charged twice", "billing"),
                triage("app crashes", "bug"),
                "not json",
                triage("hello", "other"),
                triage("refund please", "billing"),
                "{\"task\":\"rank\",\"query\":\"reset password\",\"candidates\":[\"billing faq\",\"password reset\"],\"expected\":[\"1\"]}");
        ScriptedFunction first = new ScriptedFunction("local", 0);
        ScriptedFunction better = new ScriptedFunction("gpt-5.4-mini", 0.0005);
        better.answersExpected = c -> true;
        functions.put("first", first);
        functions.put("better", better);
        Path json = dir.resolve("out/eval.json");

        int status = run(file.toString(), "--config", "first:OPENAI_API_KEY=", "--config", "better:CLASSIFIER_MODEL=gpt-5.4-mini",
                "--out", json.toString(), "--quiet");

        assertEquals(0, status, err.toString());
        assertEquals(5, first.calls.get());
        assertEquals(5, better.calls.get());
        assertTrue(err.toString().contains("skipped tiny.jsonl line 3: not valid JSON"), err.toString());
        String md = out.toString();
        // first answers "billing" (the first label) and candidate 0: right on the two billing cases only
        assertTrue(md.contains("| first | 5 | 0.400 | baseline |"), md);
        assertTrue(md.contains("| better | 5 | 1.000 | +0.600 ["), md);
        assertTrue(md.contains("1 malformed line(s) skipped"), md);
        assertTrue(md.contains("| billing | **2** | 0 | 0 |"), md);
        assertTrue(md.contains("Ranking (1 cases): hit@1 0.000, MRR 0.500"), md);
        assertTrue(md.contains("$0.0025"), "better costs 5 × $0.0005: " + md);
        assertEquals(md, Files.readString(dir.resolve("out/eval.md")));

        Map<String, Object> root = Json.object(Json.parse(Files.readString(json)));
        assertEquals(Boolean.TRUE, root.get("complete"));
        List<Object> configs = Json.array(root.get("configs"));
        assertEquals("first", Json.path(configs.get(0), "name"));
        assertEquals("gpt-5.4-mini", Json.path(configs.get(1), "settings", "CLASSIFIER_MODEL"));
        assertEquals("", Json.path(configs.get(0), "settings", "OPENAI_API_KEY"));
        assertEquals(0.4, Json.number(Json.path(configs.get(0), "summary", "tiny", "accuracy")), 1e-9);
        assertEquals(5, Json.array(Json.path(configs.get(0), "cases")).size());
        Object cmp = Json.array(root.get("comparisons")).get(0);
        assertEquals(0.6, Json.number(Json.path(cmp, "accuracyDiff")), 1e-9);
        assertEquals(3L, Json.path(cmp, "betterOnly"));
        assertEquals(1, Json.array(Json.path(root, "datasets")).size());
        assertEquals(1, Json.array(Json.path(Json.array(root.get("datasets")).get(0), "skipped")).size());

        String html = Files.readString(dir.resolve("out/eval.html"));
        assertTrue(html.contains("<svg class=\"cost-accuracy\""));
        assertEquals(2, html.split("<svg class=\"confusion\"", -1).length - 1, "one heatmap per configuration");
        assertFalse(html.contains("<script"), "the report runs no script");
        assertFalse(html.matches("(?s).*(<link|<img|<iframe|src=|href=|@import|url\\().*"), "the report fetches nothing");
    }

    @Test
    void anUnknownExpectedLabelStopsTheRunBeforeAnyCall() throws Exception {
        Path file = data("bad", triage("charged twice", "billing"), triage("refund", "payments"));
        ScriptedFunction f = new ScriptedFunction("local", 0);
        functions.put("only", f);
        int status = run(file.toString(), "--config", "only", "--out", dir.resolve("bad.json").toString(), "--quiet");
        assertEquals(2, status);
        assertEquals(0, f.calls.get());
        assertTrue(err.toString().contains("bad.jsonl line 2: expected label \"payments\" is not one of the labels [billing, bug, other]"),
                err.toString());
        assertFalse(Files.exists(dir.resolve("bad.json")));
    }

    @Test
    void aRerunWithTheSameOutputResumesWhereItStopped() throws Exception {
        Path file = data("resume", triage("one", "billing"), triage("two", "bug"), triage("three", "other"), triage("four", "billing"),
                triage("five", "bug"));
        Path json = dir.resolve("resume.json");
        ScriptedFunction flaky = new ScriptedFunction("gpt-5.4-nano", 0.0001);
        flaky.fails = c -> c.text().equals("two") || c.text().equals("four");
        functions.put("nano", flaky);

        assertEquals(0, run(file.toString(), "--config", "nano:CLASSIFIER_MODEL=gpt-5.4-nano", "--out", json.toString(), "--quiet"));
        assertEquals(5, flaky.calls.get());
        assertEquals(Boolean.TRUE, Json.path(Json.parse(Files.readString(json)), "complete"));
        assertTrue(out.toString().contains("| nano | 5 | "), out.toString());

        // second run: only the two retryable failures are called again
        ScriptedFunction recovered = new ScriptedFunction("gpt-5.4-nano", 0.0001);
        functions.put("nano", recovered);
        assertEquals(0, run(file.toString(), "--config", "nano:CLASSIFIER_MODEL=gpt-5.4-nano", "--out", json.toString(), "--quiet"));
        assertEquals(2, recovered.calls.get());
        assertTrue(err.toString().contains("nano: 3 results resumed"), err.toString());
        List<Object> cases = Json.array(Json.path(Json.array(Json.path(Json.parse(Files.readString(json)), "configs")).get(0), "cases"));
        assertEquals(5, cases.size());
        assertTrue(cases.stream().allMatch(c -> Json.path(c, "error") == null));

        // third run: nothing left to call
        ScriptedFunction idle = new ScriptedFunction("gpt-5.4-nano", 0.0001);
        functions.put("nano", idle);
        assertEquals(0, run(file.toString(), "--config", "nano:CLASSIFIER_MODEL=gpt-5.4-nano", "--out", json.toString(), "--quiet"));
        assertEquals(0, idle.calls.get());

        // other settings under the same name are another configuration: everything runs again
        ScriptedFunction changed = new ScriptedFunction("gpt-5.4-mini", 0.0003);
        functions.put("nano", changed);
        assertEquals(0, run(file.toString(), "--config", "nano:CLASSIFIER_MODEL=gpt-5.4-mini", "--out", json.toString(), "--quiet"));
        assertEquals(5, changed.calls.get());

        // --fresh ignores the earlier output
        ScriptedFunction fresh = new ScriptedFunction("gpt-5.4-mini", 0.0003);
        functions.put("nano", fresh);
        assertEquals(0, run(file.toString(), "--config", "nano:CLASSIFIER_MODEL=gpt-5.4-mini", "--out", json.toString(), "--quiet",
                "--fresh"));
        assertEquals(5, fresh.calls.get());
    }

    @Test
    void limitAndSeededSample() throws Exception {
        String[] lines = new String[20];
        for (int i = 0; i < 20; i++) {
            lines[i] = triage("case " + i, "bug");
        }
        Path file = data("many", lines);
        ScriptedFunction f = new ScriptedFunction("local", 0);
        functions.put("x", f);
        assertEquals(0, run(file.toString(), "--config", "x", "--limit", "3", "--out", dir.resolve("a.json").toString(), "--quiet"));
        assertEquals(3, f.calls.get());
        assertTrue(f.called.size() == 3);

        ScriptedFunction s1 = new ScriptedFunction("local", 0);
        functions.put("x", s1);
        run(file.toString(), "--config", "x", "--sample", "5", "--seed", "9", "--out", dir.resolve("b.json").toString(), "--quiet");
        ScriptedFunction s2 = new ScriptedFunction("local", 0);
        functions.put("x", s2);
        run(file.toString(), "--config", "x", "--sample", "5", "--seed", "9", "--out", dir.resolve("c.json").toString(), "--quiet");
        assertEquals(5, s1.called.size());
        assertEquals(s1.called, s2.called, "the same seed picks the same cases");
    }

    @Test
    void secretsNeverReachTheOutputs() throws Exception {
        Path file = data("s", triage("charged twice", "billing"));
        functions.put("nano", new ScriptedFunction("gpt-5.4-nano", 0.0001));
        Path json = dir.resolve("s.json");
        assertEquals(0, run(file.toString(), "--config", "nano:OPENAI_API_KEY=sk-very-secret-123,CLASSIFIER_MODEL=gpt-5.4-nano",
                "--out", json.toString(), "--quiet"));
        for (Path p : List.of(json, dir.resolve("s.html"), dir.resolve("s.md"))) {
            assertFalse(Files.readString(p).contains("sk-very-secret-123"), p + " holds the key");
        }
        assertFalse(out.toString().contains("sk-very-secret") || err.toString().contains("sk-very-secret"));
        assertTrue(Files.readString(json).contains("\"OPENAI_API_KEY\": \"***\""));
    }

    @Test
    void theConfigurationsDefinitionsFileChecksItsClassifiersLabels() throws Exception {
        Path defs = dir.resolve("defs.json");
        Files.writeString(defs, "{\"tickets\":{\"labels\":[{\"name\":\"urgent\"},{\"name\":\"later\"}]}}");
        Path file = data("tickets", "{\"classifier\":\"tickets\",\"input\":\"server down\",\"expected\":\"urgent\"}",
                "{\"classifier\":\"tickets\",\"input\":\"typo on page\",\"expected\":\"whenever\"}");
        ScriptedFunction f = new ScriptedFunction("local", 0);
        functions.put("t", f);
        assertEquals(2, run(file.toString(), "--config", "t:CLASSIFIER_DEFINITIONS_FILE=" + defs, "--out", dir.resolve("t.json").toString(),
                "--quiet"));
        assertTrue(err.toString().contains("tickets.jsonl line 2: expected label \"whenever\" is not one of the labels [urgent, later]"),
                err.toString());
        assertEquals(0, f.calls.get());
    }

    @Test
    void badUsageIsExplained() {
        assertEquals(2, run("--concurrency", "0"));
        assertTrue(err.toString().contains("--concurrency must be at least 1"));
        assertEquals(2, run("--config", "bad name:X=1", "--out", dir.resolve("x.json").toString()));
        assertEquals(2, run("--config", "a:NOEQUALS", "--out", dir.resolve("x.json").toString()));
        assertTrue(err.toString().contains("\"NOEQUALS\" is not KEY=VALUE"), err.toString());
        assertEquals(2, run(dir.resolve("missing.jsonl").toString(), "--config", "a"));
        assertTrue(err.toString().contains("no such data file"));
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("usage: eval/run.sh"));
    }
}
