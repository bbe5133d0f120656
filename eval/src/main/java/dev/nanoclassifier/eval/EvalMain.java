package dev.nanoclassifier.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.nanoclassifier.eval.data.Dataset;
import dev.nanoclassifier.eval.data.DatasetException;
import dev.nanoclassifier.eval.data.DatasetReader;
import dev.nanoclassifier.eval.data.EvalCase;
import dev.nanoclassifier.eval.data.LabelCatalog;
import dev.nanoclassifier.eval.report.HtmlReport;
import dev.nanoclassifier.eval.report.JsonReport;
import dev.nanoclassifier.eval.report.MarkdownReport;
import dev.nanoclassifier.eval.run.CaseResult;
import dev.nanoclassifier.eval.run.HttpTarget;
import dev.nanoclassifier.eval.run.Progress;
import dev.nanoclassifier.eval.run.Runner;
import dev.nanoclassifier.eval.run.Target;

/**
 * {@code eval/run.sh}: evaluates labelled data against configurations of the function and compares
 * them. Exit status: 0 done; 1 a configuration answered no case at all; 2 bad usage or bad data
 * (nothing was called).
 */
public final class EvalMain {

    /** The shipped data sets, used when no data file is given. */
    static final List<String> SHIPPED = List.of("src/test/resources/eval/support-triage.jsonl",
            "src/test/resources/eval/support-triage-multilabel.jsonl", "src/test/resources/eval/help-center-rank.jsonl");

    /** Starts the packaged function for a configuration; set when the function launcher is available. */
    public interface PackagedTargets {
        Target start(ConfigSpec spec, Options options) throws Exception;
    }

    private final PrintStream out;
    private final PrintStream err;
    private final PackagedTargets packaged;

    public EvalMain(PrintStream out, PrintStream err, PackagedTargets packaged) {
        this.out = out;
        this.err = err;
        this.packaged = packaged;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = new EvalMain(out, err, PackagedFunction::start).run(args);
        System.exit(status);
    }

    public int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("eval: " + e.getMessage());
            err.println(Options.USAGE);
            return 2;
        }
        if (options.help) {
            out.println(Options.USAGE);
            return 0;
        }
        try {
            return evaluate(options);
        } catch (DatasetException e) {
            err.println("eval: the data cannot be evaluated; nothing was called:");
            e.problems().forEach(p -> err.println("  " + p));
            return 2;
        } catch (IllegalArgumentException | IOException e) {
            err.println("eval: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("eval: interrupted; rerun with the same --out to continue");
            return 130;
        }
    }

    int evaluate(Options options) throws IOException, DatasetException, InterruptedException {
        Path project = options.project.toAbsolutePath().normalize();
        List<ConfigSpec> specs = new ArrayList<>();
        for (int i = 0; i < options.urls.size(); i++) {
            specs.add(ConfigSpec.parseUrl(options.urls.get(i), i));
        }
        Map<String, ConfigSpec> byName = new LinkedHashMap<>();
        for (String c : options.configs) {
            ConfigSpec s = ConfigSpec.parse(c);
            ConfigSpec prev = byName.get(s.name());
            if (prev != null) {
                Map<String, String> env = new LinkedHashMap<>(prev.env());
                env.putAll(s.env());
                s = new ConfigSpec(s.name(), env, null);
            }
            byName.put(s.name(), s);
        }
        specs.addAll(byName.values());
        if (specs.isEmpty()) {
            specs.add(ConfigSpec.parse("local:OPENAI_API_KEY="));
            specs.add(ConfigSpec.parse("fake"));
        }
        if (specs.stream().map(ConfigSpec::name).distinct().count() != specs.size()) {
            throw new IllegalArgumentException("two configurations have the same name");
        }

        List<Path> catalogFiles = new ArrayList<>();
        catalogFiles.add(project.resolve("src/main/resources/classifiers.json"));
        catalogFiles.addAll(options.classifiers);
        // the function reads CLASSIFIER_DEFINITIONS_FILE too: its classifiers' labels are checked like the shipped ones
        String shellDefinitions = System.getenv("CLASSIFIER_DEFINITIONS_FILE");
        if (shellDefinitions != null && !shellDefinitions.isBlank()) {
            catalogFiles.add(project.resolve(shellDefinitions));
        }
        for (ConfigSpec s : specs) {
            String file = s.env().get("CLASSIFIER_DEFINITIONS_FILE");
            if (file != null && !file.isBlank()) {
                catalogFiles.add(project.resolve(file));
            }
        }
        DatasetReader reader = new DatasetReader(LabelCatalog.read(catalogFiles));
        List<Path> files = new ArrayList<>(options.data);
        if (files.isEmpty()) {
            SHIPPED.forEach(f -> files.add(project.resolve(f)));
        }
        List<Dataset> datasets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("no such data file: " + f);
            }
            try {
                datasets.add(reader.read(f));
            } catch (DatasetException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
        Map<String, List<EvalCase>> selected = new LinkedHashMap<>();
        for (Dataset d : datasets) {
            if (selected.containsKey(d.name())) {
                throw new IllegalArgumentException("two data files are named " + d.name() + ".jsonl; rename one");
            }
            d.skipped().forEach(p -> err.println("eval: skipped " + p));
            d.warnings().forEach(w -> err.println("eval: " + d.name() + ": " + w));
            selected.put(d.name(), select(d.cases(), options));
        }

        EvalRun run = new EvalRun(options, datasets, selected, specs, Instant.now().toString());
        Map<String, Map<String, CaseResult>> previous = options.fresh ? Map.of() : JsonReport.previous(options.out);
        List<EvalCase> all = run.allCases();
        Thread saveOnExit = new Thread(() -> saveQuietly(run, options));
        Runtime.getRuntime().addShutdownHook(saveOnExit);
        String markdown;
        try {
            boolean terminal = System.console() != null && !options.quiet;
            for (EvalRun.ConfigRun c : run.configs) {
                Map<String, CaseResult> old = previous.getOrDefault(c.spec.fingerprint(), Map.of());
                List<EvalCase> todo = new ArrayList<>();
                for (EvalCase ec : all) {
                    CaseResult r = old.get(ec.key());
                    if (r != null) {
                        c.results.put(ec.key(), r);
                        c.resumed++;
                    } else {
                        todo.add(ec);
                    }
                }
                if (c.resumed > 0) {
                    err.println("eval: " + c.spec.name() + ": " + c.resumed + " results resumed from " + options.out + ", "
                            + todo.size() + " to run");
                }
                if (todo.isEmpty()) {
                    continue;
                }
                err.println("eval: " + c.spec.name() + ": " + c.spec.describe());
                Target target;
                try {
                    target = c.spec.url() != null
                            ? new HttpTarget(c.spec.url(), options.headers, options.timeout, options.retries, options.concurrency)
                            : packaged.start(c.spec, options);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    c.failure = e.getMessage() == null ? e.toString() : e.getMessage();
                    err.println("eval: " + c.spec.name() + ": could not start: " + c.failure);
                    continue;
                }
                long[] lastSave = { System.nanoTime() };
                try (Target t = target) {
                    // terminal is false when quiet
                    Progress progress = new Progress(options.quiet ? new PrintStream(PrintStream.nullOutputStream()) : err,
                            terminal, c.spec.name(), todo.size());
                    Runner.run(t, todo, c.results, progress, r -> {
                                synchronized (lastSave) {
                                    if (System.nanoTime() - lastSave[0] > 2_000_000_000L) {
                                        lastSave[0] = System.nanoTime();
                                        saveQuietly(run, options);
                                    }
                                }
                            });
                }
                if (c != run.configs.get(run.configs.size() - 1)) {
                    saveQuietly(run, options); // the last configuration's results go into the final write below
                }
            }
            run.complete = run.configs.stream().allMatch(c -> c.failure == null && all.stream().allMatch(e -> c.results.containsKey(e.key())));
            Map<String, List<EvalRun.Row>> rows = run.rows();
            JsonReport.write(run, rows, options.out);
            markdown = MarkdownReport.render(run, rows);
            Files.writeString(options.markdownPath(), markdown, StandardCharsets.UTF_8);
            Files.writeString(options.htmlPath(), HtmlReport.render(run, rows), StandardCharsets.UTF_8);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(saveOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook saves the checkpoint
            }
        }
        out.print(markdown);
        out.flush();
        err.println("eval: wrote " + options.out + ", " + options.htmlPath() + ", " + options.markdownPath());
        boolean someConfigDead = run.configs.stream()
                .anyMatch(c -> !all.isEmpty() && c.results.values().stream().noneMatch(CaseResult::answered));
        return someConfigDead ? 1 : 0;
    }

    /** --limit: the first N of each file; --sample: N chosen with the seed, kept in file order. */
    static List<EvalCase> select(List<EvalCase> cases, Options options) {
        List<EvalCase> out = new ArrayList<>(cases);
        if (options.sample != null && options.sample < out.size()) {
            SplittableRandom random = new SplittableRandom(options.seed);
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                idx.add(i);
            }
            for (int i = idx.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer tmp = idx.get(i);
                idx.set(i, idx.get(j));
                idx.set(j, tmp);
            }
            List<Integer> chosen = new ArrayList<>(idx.subList(0, options.sample));
            java.util.Collections.sort(chosen);
            List<EvalCase> sampled = new ArrayList<>();
            chosen.forEach(i -> sampled.add(cases.get(i)));
            out = sampled;
        }
        if (options.limit != null && options.limit < out.size()) {
            out = new ArrayList<>(out.subList(0, options.limit));
        }
        return out;
    }

    private void saveQuietly(EvalRun run, Options options) {
        try {
            JsonReport.write(run, options.out);
        } catch (IOException | RuntimeException e) {
            err.println("eval: could not save " + options.out + ": " + e.getMessage());
        }
    }
}
