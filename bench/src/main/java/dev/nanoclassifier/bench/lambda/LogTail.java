package dev.nanoclassifier.bench.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a function log, for failure messages. */
public final class LogTail {

    private LogTail() {
    }

    public static String of(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            int from = Math.max(0, lines.size() - 8);
            return lines.isEmpty() ? "" : "\n      log " + log + " (tail):\n        " + String.join("\n        ", lines.subList(from, lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
