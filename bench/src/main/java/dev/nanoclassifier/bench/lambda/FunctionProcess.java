package dev.nanoclassifier.bench.lambda;

import dev.nanoclassifier.bench.model.FakeModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One started function process (one execution environment) and its Runtime API session.
 * <pre>
 * try (FunctionProcess fp = launcher.prepare(Variant.jvm(), api).model(model).env("K", "V").log(path).start()) {
 *     double initMs = fp.awaitInit(Duration.ofSeconds(120));
 *     Invocation inv = fp.invoke("{\"task\":\"classify\",...}");
 * }
 * </pre>
 * {@link #close()} stops the process (SIGTERM, then SIGKILL after 10 s) and closes the session.
 * A JVM shutdown hook kills processes still running when the caller exits.
 */
public final class FunctionProcess implements AutoCloseable {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process p : LIVE) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }, "bench-kill-children"));
    }

    /** Collects what a process needs before it starts. */
    public static final class Builder {
        private final FunctionLauncher launcher;
        private final Variant variant;
        private final RuntimeApi api;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmFlags = new ArrayList<>();
        private String modelBaseUrl;
        private String awsEndpoint;
        private Path log;
        private Duration invokeTimeout = Duration.ofSeconds(30);

        Builder(FunctionLauncher launcher, Variant variant, RuntimeApi api) {
            this.launcher = launcher;
            this.variant = variant;
            this.api = api;
        }

        /** Points OPENAI_BASE_URL at the fake model and AWS_ENDPOINT_URL at its /aws path. */
        public Builder model(FakeModel model) {
            this.modelBaseUrl = model.baseUrl();
            this.awsEndpoint = model.awsEndpoint();
            return this;
        }

        public Builder env(String key, String value) { env.put(key, value); return this; }
        public Builder env(Map<String, String> more) { env.putAll(more); return this; }
        /** JVM flags for this process only (ignored for native and Node). */
        public Builder jvmFlags(List<String> flags) { jvmFlags.addAll(flags); return this; }
        /** Where stdout+stderr go (default: a temp file). */
        public Builder log(Path file) { this.log = file; return this; }
        public Builder invokeTimeout(Duration d) { this.invokeTimeout = d; return this; }

        public List<String> command() {
            return launcher.command(variant, jvmFlags);
        }

        /** Opens a new Runtime API session (closing the previous one) and starts the process. */
        public FunctionProcess start() throws IOException {
            Path out = log != null ? log : Files.createTempFile("bench-" + variant.name() + "-", ".log");
            Files.createDirectories(out.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(command());
            pb.directory(launcher.project().toFile());
            Map<String, String> penv = pb.environment();
            penv.clear(); // like Lambda: a small, known environment
            penv.putAll(launcher.environment(variant, api, modelBaseUrl, awsEndpoint, env));
            pb.redirectErrorStream(true);
            pb.redirectOutput(out.toFile());
            Session session = api.openSession(variant.name()).traceSampled(variant.traceSampled());
            long t0 = System.nanoTime();
            Process p = pb.start();
            LIVE.add(p);
            return new FunctionProcess(variant, session, p, t0, out, invokeTimeout);
        }
    }

    private final Variant variant;
    private final Session session;
    private final Process process;
    private final long startedNs;
    private final Path log;
    private final Duration invokeTimeout;
    private Double peakRssMb;

    private FunctionProcess(Variant variant, Session session, Process process, long startedNs, Path log, Duration invokeTimeout) {
        this.variant = variant;
        this.session = session;
        this.process = process;
        this.startedNs = startedNs;
        this.log = log;
        this.invokeTimeout = invokeTimeout;
    }

    public Session session() { return session; }
    public boolean isAlive() { return process.isAlive(); }
    public Path log() { return log; }

    /**
     * Waits for the first {@code /next}: Lambda's Init duration.
     *
     * @return milliseconds from just before the process was started to its first /next
     */
    public double awaitInit(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            long first = session.awaitFirstNext(timeout, process::isAlive);
            return (first - startedNs) / 1e6;
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + exitCode() + LogTail.of(log), e);
        }
    }

    /** Sends one event and waits for the answer (the builder's invoke timeout). */
    public Invocation invoke(String eventJson) throws InterruptedException, TimeoutException {
        return invoke(eventJson, invokeTimeout);
    }

    public Invocation invoke(String eventJson, Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return session.invoke(eventJson, timeout, process::isAlive);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + exitCode() + LogTail.of(log), e);
        }
    }

    private String exitCode() {
        return process.isAlive() ? "" : " (exit code " + process.exitValue() + ")";
    }

    /** {@code VmHWM} of the process in MB, read now (before it stops); null when unavailable. */
    public Double readPeakRssMb() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakRssMb = Long.parseLong(line.trim().split("\\s+")[1]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // process gone or no /proc
        }
        return peakRssMb;
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL (with descendants). Returns the exit code or -1. */
    public int stop(Duration grace) {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            return process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            LIVE.remove(process);
            session.close();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
