package dev.nanoclassifier.eval.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class DatasetReaderTest {

    private static final String TRIAGE = "{\"support-triage\":{\"labels\":[{\"name\":\"billing\"},{\"name\":\"bug\"},{\"name\":\"other\"}]}}";

    private static DatasetReader reader() throws Exception {
        LabelCatalog catalog = LabelCatalog.empty();
        catalog.add(TRIAGE, "test");
        return new DatasetReader(catalog);
    }

    @Test
    void malformedLinesAreReportedWithTheirNumberAndSkipped() throws Exception {
        String data = String.join("\n",
                "{\"classifier\":\"support-triage\",\"input\":\"charged twice\",\"expected\":\"billing\"}",
                "{\"classifier\":\"support-triage\",\"input\":\"broken json\",\"expected\":",
                "",
                "[1,2,3]",
                "{\"classifier\":\"support-triage\",\"input\":\"no expected here\"}",
                "{\"classifier\":\"support-triage\",\"input\":\"   \",\"expected\":\"bug\"}",
                "{\"labels\":[\"a\",{\"name\":\"b\"}],\"input\":\"inline labels\",\"expected\":\"b\"}",
                "{\"task\":\"translate\",\"input\":\"x\",\"expected\":\"y\"}",
                "{\"classifier\":\"support-triage\",\"input\":\"it crashes\",\"label\":\"bug\"}");
        Dataset d = reader().read("triage", "triage.jsonl", data);

        assertEquals(3, d.cases().size());
        assertEquals(List.of(1, 7, 9), d.cases().stream().map(EvalCase::line).toList());
        assertEquals(List.of(2, 4, 5, 6, 8), d.skipped().stream().map(LineProblem::line).toList());
        assertTrue(d.skipped().get(0).message().startsWith("not valid JSON"), d.skipped().get(0).message());
        assertTrue(d.skipped().get(0).toString().startsWith("triage.jsonl line 2: "));
        assertEquals("not a JSON object", d.skipped().get(1).message());
        assertTrue(d.skipped().get(2).message().contains("\"expected\" is missing"));
        assertTrue(d.skipped().get(3).message().contains("\"input\""));
        assertTrue(d.skipped().get(4).message().contains("\"task\""));

        EvalCase inline = d.cases().get(1);
        assertEquals(Kind.CLASSIFY, inline.kind());
        assertEquals(List.of("a", "b"), inline.choices());
        assertEquals(List.of("b"), inline.expected());
        assertNull(inline.request().get("expected"), "expected is not sent to the function");
        // "label" is read as a synonym of "expected" and is not sent either
        assertEquals(List.of("bug"), d.cases().get(2).expected());
        assertNull(d.cases().get(2).request().get("label"));
        assertEquals(List.of("billing", "bug", "other"), d.cases().get(0).choices());
    }

    @Test
    void anUnknownExpectedLabelIsAnErrorForTheWholeFile() throws Exception {
        String data = String.join("\n",
                "{\"classifier\":\"support-triage\",\"input\":\"charged twice\",\"expected\":\"billing\"}",
                "{\"classifier\":\"support-triage\",\"input\":\"refund\",\"expected\":\"payments\"}",
                "{\"labels\":[\"a\",\"b\"],\"input\":\"x\",\"expected\":\"c\"}",
                "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[\"first\",{\"id\":\"k\",\"text\":\"second\"}],\"expected\":[\"k\",\"7\"]}",
                "{\"labels\":[\"a\",\"b\"],\"input\":\"x\",\"expected\":[\"a\",\"b\"]}");
        DatasetException e = assertThrows(DatasetException.class, () -> reader().read("triage", "triage.jsonl", data));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("triage.jsonl line 2: expected label \"payments\" is not one of the labels"));
        assertTrue(e.problems().get(1).startsWith("triage.jsonl line 3: expected label \"c\""));
        assertTrue(e.problems().get(2).startsWith("triage.jsonl line 4: expected candidate id \"7\" is not one of the candidates [0, k]"));
        assertTrue(e.problems().get(3).contains("single-label"));
    }

    @Test
    void multiLabelAndRankingCases() throws Exception {
        String data = String.join("\n",
                "{\"labels\":[\"a\",\"b\",\"c\"],\"multiLabel\":true,\"input\":\"x\",\"expected\":[\"a\",\"c\"]}",
                "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[\"zero\",\"one\",\"two\"],\"expected\":[\"2\",\"0\"]}",
                "{\"classifier\":\"elsewhere\",\"input\":\"x\",\"expected\":\"anything\"}");
        Dataset d = reader().read("mixed", "mixed.jsonl", data);
        assertEquals(Kind.MULTI_LABEL, d.cases().get(0).kind());
        assertEquals(List.of("a", "c"), d.cases().get(0).expected());
        assertEquals(Kind.RANK, d.cases().get(1).kind());
        assertEquals("rank", d.cases().get(1).task());
        assertEquals(List.of("0", "1", "2"), d.cases().get(1).choices());
        assertEquals("q", d.cases().get(1).text());
        // a classifier not defined here cannot be checked: a warning, not an error
        assertNull(d.cases().get(2).choices());
        assertTrue(d.warnings().get(0).contains("\"elsewhere\" is not defined here"));
    }

    @Test
    void keysAreStableAndChangeWithTheLine() throws Exception {
        String line = "{\"classifier\":\"support-triage\",\"input\":\"charged twice\",\"expected\":\"billing\"}";
        Dataset one = reader().read("t", "t.jsonl", line);
        Dataset again = reader().read("t", "t.jsonl", "\n\n" + line);
        Dataset edited = reader().read("t", "t.jsonl", line.replace("twice", "three times"));
        Dataset twice = reader().read("t", "t.jsonl", line + "\n" + line);
        assertEquals(one.cases().get(0).key(), again.cases().get(0).key());
        assertTrue(!one.cases().get(0).key().equals(edited.cases().get(0).key()));
        assertEquals(2, twice.cases().size());
        assertEquals(one.cases().get(0).key() + "#2", twice.cases().get(1).key());
    }

    @Test
    void theShippedDataSetsAreValid() throws Exception {
        Path root = Path.of(System.getProperty("user.dir"));
        DatasetReader reader = new DatasetReader(LabelCatalog.read(List.of(root.resolve("src/main/resources/classifiers.json"))));
        Dataset triage = reader.read(root.resolve("src/test/resources/eval/support-triage.jsonl"));
        assertEquals(50, triage.cases().size());
        assertTrue(triage.skipped().isEmpty() && triage.warnings().isEmpty());
        assertTrue(triage.cases().stream().allMatch(c -> c.kind() == Kind.CLASSIFY && c.choices().size() == 5));
        Dataset rank = reader.read(root.resolve("src/test/resources/eval/help-center-rank.jsonl"));
        assertTrue(rank.cases().size() >= 20 && rank.skipped().isEmpty());
        assertTrue(rank.cases().stream().allMatch(c -> c.kind() == Kind.RANK));
        Dataset multi = reader.read(root.resolve("src/test/resources/eval/support-triage-multilabel.jsonl"));
        assertTrue(multi.cases().size() >= 5 && multi.skipped().isEmpty());
        assertTrue(multi.cases().stream().allMatch(c -> c.kind() == Kind.MULTI_LABEL));
    }
}
