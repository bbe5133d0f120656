package dev.nanoclassifier.eval;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small evaluation run with scripted functions, for the report tests: two configurations, one of them failing a case. */
public final class EvalRunFixture {

    private EvalRunFixture() {
    }

    /** Writes report.json/.html/.md into {@code dir} and returns the HTML file. */
    public static Path writeReport(Path dir) throws Exception {
        String labels = "\"labels\":[\"billing\",\"bug\",\"other\"]";
        Path data = dir.resolve("triage.jsonl");
        Files.writeString(data, String.join("\n",
                "{" + labels + ",\"input\":\"charged twice\",\"expected\":\"billing\"}",
                "{" + labels + ",\"input\":\"the app crashes\",\"expected\":\"bug\"}",
                "{" + labels + ",\"input\":\"hello there\",\"expected\":\"other\"}",
                "{" + labels + ",\"input\":\"refund please\",\"expected\":\"billing\"}",
                "{" + labels + ",\"input\":\"error 500 on save\",\"expected\":\"bug\"}",
                "{" + labels + ",\"input\":\"<script>alert(1)</script>\",\"expected\":\"other\"}") + "\n");
        ScriptedFunction cheap = new ScriptedFunction("local", 0);
        ScriptedFunction good = new ScriptedFunction("gpt-5.4-mini", 0.0004);
        good.answersExpected = c -> !c.text().startsWith("hello");
        cheap.fails = c -> c.text().startsWith("error 500");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int status = new EvalMain(ps, ps, (spec, options) -> spec.name().equals("local") ? cheap : good)
                .run(new String[] { data.toString(), "--config", "local:OPENAI_API_KEY=", "--config", "mini:CLASSIFIER_MODEL=gpt-5.4-mini",
                        "--out", dir.resolve("report.json").toString(), "--quiet" });
        if (status != 0) {
            throw new IllegalStateException("eval failed: " + sink.toString(StandardCharsets.UTF_8));
        }
        return dir.resolve("report.html");
    }
}
