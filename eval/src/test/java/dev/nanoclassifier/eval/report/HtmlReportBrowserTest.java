package dev.nanoclassifier.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nanoclassifier.eval.EvalRunFixture;

/**
 * Renders the HTML report in a real headless browser (Debian {@code chromium}): the DOM after
 * rendering holds a confusion-matrix heatmap per configuration and the cost-vs-accuracy plot, and
 * the screenshot really shows the heatmaps' colours. Skipped, saying why, where chromium is not
 * installed ({@code apt-get install -y chromium}); CI installs it.
 */
class HtmlReportBrowserTest {

    @TempDir
    Path dir;

    static String chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!p.isEmpty() && Files.isExecutable(Path.of(p, name))) {
                    return Path.of(p, name).toString();
                }
            }
        }
        return null;
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), "chromium failed: " + cmd);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> chromiumCommand(String bin, Path profile) {
        List<String> cmd = new ArrayList<>(List.of(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + profile));
        return cmd;
    }

    @Test
    void theMatricesAndThePlotRenderInChromium() throws Exception {
        String bin = chromium();
        Assumptions.assumeTrue(bin != null, "chromium is not installed (apt-get install -y chromium): browser check skipped");
        Path html = EvalRunFixture.writeReport(dir);
        String url = html.toUri().toString();

        List<String> dump = chromiumCommand(bin, dir.resolve("profile1"));
        dump.add("--dump-dom");
        dump.add(url);
        String dom = run(dump);
        assertEquals(2, count(dom, "<svg class=\"confusion\""), "one heatmap per configuration");
        assertEquals(1, count(dom, "<svg class=\"cost-accuracy\""));
        // 3 labels × (3 labels + no-answer column) cells for the configuration with a failed case, 3 × 3 for the other
        assertEquals(12 + 9, count(dom, "<g class=\"cell\">"));
        assertTrue(dom.contains("<table class=\"comparison\">"));
        assertTrue(!dom.contains("<script>alert(1)") && dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                "input text is shown as text, never as markup");

        Path png = dir.resolve("report.png");
        List<String> shot = chromiumCommand(bin, dir.resolve("profile2"));
        shot.add("--window-size=1280,2200");
        shot.add("--screenshot=" + png);
        shot.add(url);
        run(shot);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null && image.getWidth() == 1280, "a screenshot was written");
        // full-share diagonal cells are #1f77b4, wrong ones shade to #d62728: both must be painted
        int blue = 0;
        int red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (near(r, 0x1f) && near(g, 0x77) && near(b, 0xb4)) {
                    blue++;
                }
                if (r > 200 && g < 140 && b < 140) {
                    red++;
                }
            }
        }
        assertTrue(blue > 3 * 30 * 30, "the heatmaps' right-answer cells are painted (blue pixels: " + blue + ")");
        assertTrue(red > 500, "the wrong-answer cells are painted (red pixels: " + red + ")");
    }

    private static boolean near(int a, int b) {
        return Math.abs(a - b) <= 6;
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
