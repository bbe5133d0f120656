package dev.nanoclassifier.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.nanoclassifier.bench.json.Json;
import dev.nanoclassifier.bench.lambda.FunctionLauncher;
import dev.nanoclassifier.bench.lambda.FunctionProcess;
import dev.nanoclassifier.bench.lambda.Invocation;
import dev.nanoclassifier.bench.lambda.RuntimeApi;
import dev.nanoclassifier.bench.lambda.Variant;
import dev.nanoclassifier.bench.model.FakeModel;
import dev.nanoclassifier.eval.data.EvalCase;
import dev.nanoclassifier.eval.run.CaseResult;
import dev.nanoclassifier.eval.run.Target;

/**
 * The packaged function ({@code target/nano-classifier-runner.jar}) as Lambda runs it: each process
 * is one execution environment under the AWS Runtime Interface Client, served by the benchmark's
 * Runtime API, with the configuration's settings as its environment. Like Lambda, a process handles
 * one event at a time; {@code --processes} environments run side by side.
 *
 * <p>Environment of each process: what Lambda sets (see the benchmark), then {@code OPENAI_*} and
 * {@code CLASSIFIER_*} of the shell that runs the tool, then {@code CLASSIFIER_CACHE_ENABLED=false}
 * (so that every case is really answered; a setting overrides it), then the configuration's settings.
 * With the fake model, {@code OPENAI_BASE_URL} points at the benchmark's fake OpenAI-compatible server.
 */
final class PackagedFunction implements Target {

    private static final int MAX_RESTARTS = 3;

    private final ConfigSpec spec;
    private final FunctionLauncher launcher;
    private final Map<String, String> env;
    private final FakeModel model;
    private final Path logDir;
    private final Duration timeout;
    private final LinkedBlockingQueue<Environment> idle = new LinkedBlockingQueue<>();
    private final List<Environment> all = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger restarts = new AtomicInteger();

    /** One execution environment: a Runtime API of its own (one session each) and the process it serves. */
    private static final class Environment {
        final RuntimeApi api;
        final FunctionProcess process;

        Environment(RuntimeApi api, FunctionProcess process) {
            this.api = api;
            this.process = process;
        }

        void close() {
            process.close();
            api.close();
        }
    }

    private PackagedFunction(ConfigSpec spec, FunctionLauncher launcher, Map<String, String> env, FakeModel model, Path logDir,
            Duration timeout) {
        this.spec = spec;
        this.launcher = launcher;
        this.env = env;
        this.model = model;
        this.logDir = logDir;
        this.timeout = timeout;
    }

    static Target start(ConfigSpec spec, Options options) throws Exception {
        Path project = options.project.toAbsolutePath().normalize();
        FunctionLauncher launcher = FunctionLauncher.forProject(project);
        String unavailable = launcher.unavailableReason(Variant.jvm());
        if (unavailable != null) {
            throw new IllegalStateException(unavailable + "; eval/run.sh builds and fetches both");
        }
        Map<String, String> env = environment(spec, System.getenv());
        if (!spec.fakeModel() && env.getOrDefault("OPENAI_API_KEY", "").isEmpty()
                && !env.containsKey("OPENAI_API_KEY_SECRET_ARN") && !env.containsKey("OPENAI_API_KEY_PARAMETER")
                && !spec.env().containsKey("OPENAI_API_KEY")) {
            System.err.println("eval: " + spec.name() + ": no OPENAI_API_KEY in this shell or the configuration:"
                    + " the embedded classifier will answer");
        }
        FakeModel model = spec.fakeModel() ? FakeModel.start() : null;
        int processes = Math.max(1, Math.min(options.concurrency, options.processes == null ? 2 : options.processes));
        Path logDir = options.out.toAbsolutePath().getParent().resolve("logs");
        PackagedFunction target = new PackagedFunction(spec, launcher, env, model, logDir, options.timeout);
        try {
            for (int i = 0; i < processes; i++) {
                target.idle.add(target.startEnvironment());
            }
        } catch (Exception e) {
            target.close();
            throw e;
        }
        return target;
    }

    /** The settings of a configuration's processes (before the Lambda variables, which the launcher adds). */
    static Map<String, String> environment(ConfigSpec spec, Map<String, String> shell) {
        Map<String, String> env = new LinkedHashMap<>();
        shell.forEach((k, v) -> {
            if (k.startsWith("OPENAI_") || k.startsWith("CLASSIFIER_")) {
                env.put(k, v);
            }
        });
        if (!env.containsKey("OPENAI_API_KEY")) {
            // the launcher's base sets a dummy key for the benchmark; without a key of the user's own, no key at all
            env.put("OPENAI_API_KEY", "");
        }
        env.put("CLASSIFIER_CACHE_ENABLED", "false");
        env.putAll(spec.env());
        if (spec.fakeModel()) {
            env.remove("OPENAI_BASE_URL");
            env.put("OPENAI_API_KEY", "sk-eval-fake-model");
        }
        return env;
    }

    private Environment startEnvironment() throws IOException, InterruptedException, TimeoutException {
        int n = started.incrementAndGet();
        RuntimeApi api = RuntimeApi.start();
        FunctionProcess.Builder b = launcher.prepare(Variant.jvm().named("eval-" + spec.name(), spec.name()), api)
                .env(env).invokeTimeout(timeout).log(logDir.resolve(spec.name() + "-" + n + ".log"));
        if (model != null) {
            b.model(model);
        }
        FunctionProcess process;
        try {
            process = b.start();
        } catch (IOException e) {
            api.close();
            throw e;
        }
        Environment environment = new Environment(api, process);
        try {
            process.awaitInit(Duration.ofSeconds(120));
        } catch (RuntimeException | TimeoutException e) {
            environment.close();
            throw new IllegalStateException("the function did not start (log: " + process.log() + "): " + e.getMessage(), e);
        }
        synchronized (all) {
            all.add(environment);
        }
        return environment;
    }

    @Override
    public int parallelism() {
        return idle.size();
    }

    @Override
    public CaseResult call(EvalCase c) throws InterruptedException {
        Environment environment = idle.take();
        try {
            Invocation inv = environment.process.invoke(Json.write(c.request()), timeout);
            if (inv.error()) {
                String type = inv.errorType() == null ? "" : inv.errorType();
                CaseResult r = CaseResult.fromResponse(c, inv.body(), inv.durationMs());
                boolean retryable = type.contains("ModelUnavailable") || String.valueOf(r.error()).contains("ModelUnavailable");
                return CaseResult.failure(c, "function error " + r.error(), retryable, inv.durationMs());
            }
            return CaseResult.fromResponse(c, inv.body(), inv.durationMs());
        } catch (TimeoutException e) {
            return CaseResult.failure(c, "timeout: " + e.getMessage(), true, timeout.toMillis());
        } catch (IllegalStateException e) {
            return CaseResult.failure(c, "function process: " + firstLine(e.getMessage()), true, 0);
        } finally {
            idle.add(replaceIfDead(environment));
        }
    }

    /** A crashed or stuck environment is replaced by a fresh one (a cold start), a few times at most. */
    private Environment replaceIfDead(Environment environment) throws InterruptedException {
        if (environment.process.isAlive() || restarts.incrementAndGet() > MAX_RESTARTS) {
            return environment;
        }
        environment.close();
        try {
            return startEnvironment();
        } catch (IOException | TimeoutException | RuntimeException e) {
            return environment;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(Environment::close);
            all.clear();
        }
        if (model != null) {
            model.close();
        }
    }
}
