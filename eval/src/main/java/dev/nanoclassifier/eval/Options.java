package dev.nanoclassifier.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@code eval/run.sh}; see {@link #USAGE}. */
public final class Options {

    public static final String USAGE = String.join("\n",
            "usage: eval/run.sh [DATA.jsonl ...] [options]",
            "",
            "Evaluates labelled data (one request + \"expected\" a line) against one or more configurations",
            "of the function and compares them. With no data file: the shipped sets in src/test/resources/eval/.",
            "With no configuration: local (no key: the embedded classifier) vs fake (the benchmark's fake model).",
            "",
            "configurations (the first is the baseline the others are compared with):",
            "  --config NAME:KEY=VALUE,...  the packaged function (target/nano-classifier-runner.jar, run as Lambda",
            "                               runs it) with these environment settings; repeatable. OPENAI_API_KEY,",
            "                               OPENAI_BASE_URL and CLASSIFIER_* of this shell are passed on unless set here.",
            "                               'fake' (or OPENAI_BASE_URL=fake): the benchmark's fake model.",
            "  --url [NAME=]URL             a deployed function: POST URL/classify and URL/rank (API Gateway), or the",
            "                               dev-mode event server (./mvnw quarkus:dev: http://localhost:8080); repeatable",
            "  --header 'NAME: VALUE'       header for --url calls, e.g. 'Authorization: Bearer ...' (never written out)",
            "",
            "selection and pacing:",
            "  --limit N                    the first N cases of each data file",
            "  --sample N --seed S          N random cases of each data file (seed default 1)",
            "  --concurrency N              calls in flight per configuration (default 8)",
            "  --processes N                function processes per packaged configuration (default min(concurrency, 2))",
            "  --timeout S                  per call (default 60); --retries N on 429/502/503/504/timeouts (default 5)",
            "",
            "outputs:",
            "  --out FILE.json              JSON results (default target/eval/eval.json); the HTML report and the",
            "                               Markdown go beside it (.html, .md). An existing file is resumed: cases it",
            "                               already answered for the same configuration are not called again.",
            "  --fresh                      ignore an existing --out and start over",
            "  --wrong N                    wrong cases listed per configuration (default 10)",
            "  --k K                        NDCG@K for ranking (default 5)",
            "  --bootstrap N --ci-seed S    paired bootstrap resamples (default 10000) and seed (default 1)",
            "  --classifiers FILE           more named classifiers (same shape as CLASSIFIER_DEFINITIONS_FILE)",
            "  --project DIR                the project (default: current directory)",
            "  --quiet                      no progress bar");

    public final List<Path> data = new ArrayList<>();
    public final List<String> configs = new ArrayList<>();
    public final List<String> urls = new ArrayList<>();
    public final List<String[]> headers = new ArrayList<>();
    public Integer limit;
    public Integer sample;
    public long seed = 1;
    public int concurrency = 8;
    public Integer processes;
    public Duration timeout = Duration.ofSeconds(60);
    public int retries = 5;
    public Path out = Path.of("target/eval/eval.json");
    public boolean fresh;
    public int wrong = 10;
    public int prefixChars = 80;
    public int k = 5;
    public int bootstrap = 10_000;
    public long ciSeed = 1;
    public final List<Path> classifiers = new ArrayList<>();
    public Path project = Path.of(".");
    public boolean quiet;
    public boolean help;

    public static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            if (a.startsWith("--") && a.contains("=")) { // --name=value; the value may hold '=' itself
                name = a.substring(0, a.indexOf('='));
                value = a.substring(a.indexOf('=') + 1);
            }
            switch (name) {
                case "-h":
                case "--help":
                    o.help = true;
                    break;
                case "--fresh":
                    o.fresh = true;
                    break;
                case "--quiet":
                    o.quiet = true;
                    break;
                default:
                    if (!name.startsWith("-")) {
                        o.data.add(Path.of(a));
                        break;
                    }
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    o.set(name, value);
            }
        }
        if (o.concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1");
        }
        if (!o.urls.isEmpty() && !o.configs.isEmpty()) {
            throw new IllegalArgumentException("use either --config (the packaged function) or --url (a deployed one), not both");
        }
        return o;
    }

    private void set(String name, String value) {
        switch (name) {
            case "--config": configs.add(value); break;
            case "--url": urls.add(value); break;
            case "--header": {
                int colon = value.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("--header must be 'Name: value', was '" + value.replaceAll(":.*", ":…") + "'");
                }
                headers.add(new String[] { value.substring(0, colon).trim(), value.substring(colon + 1).trim() });
                break;
            }
            case "--limit": limit = positive(name, value); break;
            case "--sample": sample = positive(name, value); break;
            case "--seed": seed = Long.parseLong(value); break;
            case "--concurrency": concurrency = positive(name, value); break;
            case "--processes": processes = positive(name, value); break;
            case "--timeout": timeout = Duration.ofSeconds(positive(name, value)); break;
            case "--retries": retries = Integer.parseInt(value); break;
            case "--out": out = Path.of(value); break;
            case "--wrong": wrong = Integer.parseInt(value); break;
            case "--k": k = positive(name, value); break;
            case "--bootstrap": bootstrap = positive(name, value); break;
            case "--ci-seed": ciSeed = Long.parseLong(value); break;
            case "--classifiers": classifiers.add(Path.of(value)); break;
            case "--project": project = Path.of(value); break;
            default: throw new IllegalArgumentException("unknown option " + name + " (see --help)");
        }
    }

    private static int positive(String name, String value) {
        int v;
        try {
            v = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, was '" + value + "'");
        }
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return v;
    }

    public Path htmlPath() {
        return sibling(".html");
    }

    public Path markdownPath() {
        return sibling(".md");
    }

    private Path sibling(String ext) {
        String file = out.getFileName().toString();
        String base = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
        return out.resolveSibling(base + ext);
    }
}
