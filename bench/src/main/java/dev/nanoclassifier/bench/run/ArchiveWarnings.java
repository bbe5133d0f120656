package dev.nanoclassifier.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** CDS/AOT warnings in a function log (an unusable archive is otherwise a silent fallback). */
final class ArchiveWarnings {

    private static final Pattern WARN = Pattern.compile(
            ".*(\\[(warning|error)\\s*\\]\\[(cds|aot)[^\\]]*\\]|AOT cache|shared archive|Unable to use|Mismatched|CDS archive).*",
            Pattern.CASE_INSENSITIVE);

    private ArchiveWarnings() {
    }

    static List<String> in(Path log) {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                String l = line.trim().replaceFirst("^\\[[0-9.]+s\\]", "");
                if (WARN.matcher(l).matches() && !out.contains(l)) out.add(l);
                if (out.size() >= 8) break;
            }
        } catch (IOException ignored) {
            // no log
        }
        return out;
    }
}
