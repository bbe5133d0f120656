package dev.nanoclassifier.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void withoutATerminalOneLinePerTenthWithCountRateAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "nano", 20);
        for (int i = 0; i < 20; i++) {
            p.step(i == 3);
        }
        p.finish();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(10, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("nano       [##" + ".".repeat(22) + "] 2/20  "), lines[0]);
        assertTrue(lines[0].contains("cases/s  ETA "), lines[0]);
        assertTrue(lines[9].contains("] 20/20") && lines[9].contains("ETA done") && lines[9].contains("(1 without answer)"), lines[9]);
    }

    @Test
    void onATerminalTheLineIsRedrawn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "local", 3);
        p.step(false);
        p.step(false);
        p.step(false);
        p.finish();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\r"));
        assertTrue(text.endsWith("\n"));
        assertTrue(text.contains("] 3/3"));
    }

    @Test
    void etaFormat() {
        assertEquals("5s", Progress.formatSeconds(4.2));
        assertEquals("2m05s", Progress.formatSeconds(125));
    }
}
