package dev.nanoclassifier.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownTableTest {

    private final String table = MarkdownTable.render(ReportFixtures.report());

    @Test
    void oneRowPerVariantWithTheSameNumberOfCells() {
        String[] lines = table.strip().split("\n");
        assertEquals(2 + 4, lines.length, table);
        int cells = lines[0].split("\\|", -1).length;
        for (String line : lines) assertEquals(cells, line.split("\\|", -1).length, line);
    }

    @Test
    void figuresCarryTheirRatioToNode() {
        String jvm = row("| JVM |");
        // init 900 / 200, cold total 1200 / 220, warm 3 / 2, RSS 150 / 90
        assertTrue(jvm.contains("| 900 (4.50×) |"), jvm);
        assertTrue(jvm.contains("| 1200 (5.45×) |"), jvm);
        assertTrue(jvm.contains("| 3.00 (1.50×) |"), jvm);
        assertTrue(jvm.contains("| 150 (1.67×) |"), jvm);
        String nativeRow = row("| native |");
        assertTrue(nativeRow.contains("| 40.0 (0.18×) |"), nativeRow);
        String node = row("| Node 20 + openai SDK |");
        assertFalse(node.contains("×"), "the baseline has no ratio to itself: " + node);
    }

    @Test
    void skippedVariantShowsTheFirstLineOfTheReason() {
        String aot = row("| JVM + AOT cache (JDK 25) |");
        assertTrue(aot.contains("skipped: needs JDK 25+"), aot);
        assertFalse(table.contains("second line"));
    }

    @Test
    void notesListTheTargetOutcomes() {
        String notes = MarkdownTable.notes(ReportFixtures.report());
        assertTrue(notes.contains("native cold total p50 <= 0.50x Node (issue 10): 0.18x -> met"), notes);
        assertTrue(notes.contains("jvm cold total p50 <= 4.00x Node (issue 14): 5.45x -> NOT met"), notes);
        assertTrue(notes.contains("aot cold total p50 <= 2.00x Node (issue 14): n/a -> not measured"), notes);
        assertTrue(notes.contains("Load average at start / end: 1.0 1.0 1.0 / 1.5 1.0 1.0"), notes);
    }

    private String row(String start) {
        for (String line : table.split("\n")) if (line.startsWith(start)) return line;
        throw new AssertionError("no row " + start + " in\n" + table);
    }
}
