package dev.nanoclassifier.eval.run;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on stderr: cases done, rate and ETA. On a terminal it redraws one line; otherwise
 * (CI logs) it prints a line at every 10 % so the log stays readable.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final String label;
    private final int total;
    private final long startNs = System.nanoTime();
    private int done;
    private int failed;
    private long lastDrawNs;
    private int lastDecile;

    public Progress(PrintStream out, boolean terminal, String label, int total) {
        this.out = out;
        this.terminal = terminal;
        this.label = label;
        this.total = total;
    }

    public synchronized void step(boolean failedCase) {
        done++;
        if (failedCase) {
            failed++;
        }
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDrawNs > 100_000_000L || done == total) {
                lastDrawNs = now;
                out.print("\r" + line(now) + "   ");
                out.flush();
            }
        } else {
            int decile = total == 0 ? 10 : done * 10 / total;
            if (decile != lastDecile) {
                lastDecile = decile;
                out.println(line(now));
            }
        }
    }

    public synchronized void finish() {
        if (terminal) {
            out.print("\r" + line(System.nanoTime()) + "   \n");
        } else if (lastDecile != 10) {
            out.println(line(System.nanoTime()));
        }
        out.flush();
    }

    String line(long now) {
        double seconds = (now - startNs) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        int width = 24;
        int filled = total == 0 ? width : (int) Math.round((double) done / total * width);
        String eta = rate > 0 && done < total ? formatSeconds((total - done) / rate) : done >= total ? "done" : "?";
        return String.format(Locale.ROOT, "%-10s [%s%s] %d/%d  %.1f cases/s  ETA %s%s", label, "#".repeat(filled),
                ".".repeat(width - filled), done, total, rate, eta, failed > 0 ? "  (" + failed + " without answer)" : "");
    }

    static String formatSeconds(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0fs", Math.ceil(s));
        }
        return String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
    }
}
