package dev.nanoclassifier.bench.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * Knows where the packaged function lives and builds the command line of each {@link Variant}:
 * <ul>
 *   <li>JVM: {@code java <Lambda flags> <manifest flags> <variant flags> -cp runner.jar:bench-lib/*
 *       com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}, as the managed Java
 *       runtime runs the Runtime Interface Client in front of the handler;</li>
 *   <li>native: the executable itself (it polls the Runtime API);</li>
 *   <li>Node: {@code node bench/node/index.mjs}.</li>
 * </ul>
 * Usage: {@code FunctionLauncher.forProject(dir).prepare(Variant.jvm(), api).model(model).env("K", "V").start()}.
 */
public final class FunctionLauncher {

    public static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Path project;
    private Path jar;
    private Path benchLib;
    private final Path javaBin;
    private Path nativeExecutable;
    private final Path nodeScript;
    private final String nodeBin = "node";
    private LambdaJvmFlags lambdaFlags = LambdaJvmFlags.forMemory(LambdaJvmFlags.DEFAULT_MEMORY_MB);
    private List<String> extraJvmFlags = List.of();
    private List<String> extraNativeFlags = List.of();
    private List<String> baseJvmFlags;
    private final Map<String, String> extraEnv = new LinkedHashMap<>();

    private FunctionLauncher(Path project) {
        this.project = project.toAbsolutePath().normalize();
        this.jar = this.project.resolve("target/nano-classifier-runner.jar");
        this.benchLib = this.project.resolve("target/bench-lib");
        this.javaBin = Paths.get(System.getProperty("java.home"), "bin", "java");
        this.nativeExecutable = this.project.resolve("target/native-link/nano-classifier-runner");
        this.nodeScript = this.project.resolve("bench/node/index.mjs");
    }

    /** Defaults: target/nano-classifier-runner.jar, target/bench-lib, this JVM's java, target/native-link/..., bench/node. */
    public static FunctionLauncher forProject(Path project) {
        return new FunctionLauncher(project);
    }

    public FunctionLauncher jar(Path p) { this.jar = p.toAbsolutePath().normalize(); return this; }
    public FunctionLauncher benchLib(Path p) { this.benchLib = p.toAbsolutePath().normalize(); return this; }
    public FunctionLauncher nativeExecutable(Path p) { this.nativeExecutable = p == null ? null : p.toAbsolutePath().normalize(); return this; }
    public FunctionLauncher lambdaFlags(LambdaJvmFlags f) { this.lambdaFlags = f; return this; }
    /** Replaces the Lambda flags entirely (for flag studies); null restores them. */
    public FunctionLauncher baseJvmFlags(List<String> f) { this.baseJvmFlags = f == null ? null : List.copyOf(f); return this; }
    /** Added after the Lambda flags, for every JVM variant. */
    public FunctionLauncher extraJvmFlags(List<String> f) { this.extraJvmFlags = List.copyOf(f); return this; }
    public FunctionLauncher extraNativeFlags(List<String> f) { this.extraNativeFlags = List.copyOf(f); return this; }
    /** Added to every process's environment. */
    public FunctionLauncher extraEnv(Map<String, String> env) { this.extraEnv.putAll(env); return this; }

    public Path project() { return project; }
    public Path jar() { return jar; }
    public Path nativeExecutable() { return nativeExecutable; }
    public int javaFeatureVersion() { return Runtime.version().feature(); }

    /** Why the variant cannot run here, or null when it can. */
    public String unavailableReason(Variant v) {
        switch (v.kind()) {
            case JVM:
                if (!Files.isRegularFile(jar)) return "no runner jar " + shown(jar) + " (./mvnw package)";
                if (!hasRic()) return "no Runtime Interface Client jar in " + shown(benchLib) + " (bench/run.sh fetches it)";
                return null;
            case NATIVE:
                if (nativeExecutable == null || !Files.isExecutable(nativeExecutable)) {
                    return "no native executable " + shown(nativeExecutable) + " (bench/run.sh builds it with native-link when available)";
                }
                return null;
            default:
                if (!Files.isRegularFile(nodeScript)) return "no " + shown(nodeScript);
                if (!Files.isDirectory(nodeScript.getParent().resolve("node_modules/openai"))) {
                    return "openai npm package not installed (npm ci in " + shown(nodeScript.getParent()) + ")";
                }
                return null;
        }
    }

    /** A path relative to the project when it is inside it, for messages and reports. */
    private String shown(Path p) {
        return p != null && p.startsWith(project) ? project.relativize(p).toString() : String.valueOf(p);
    }

    private boolean hasRic() {
        try (var st = Files.list(benchLib)) {
            return st.anyMatch(f -> f.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * `java -jar` would apply the runner jar's Add-Opens / Enable-Native-Access manifest attributes;
     * with -cp (how Lambda starts a handler) they must be flags (on Lambda: in JAVA_TOOL_OPTIONS).
     */
    public List<String> manifestFlags() {
        List<String> flags = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            Attributes a = jf.getManifest() == null ? null : jf.getManifest().getMainAttributes();
            if (a != null && a.getValue("Add-Opens") != null) {
                for (String pkg : a.getValue("Add-Opens").trim().split("\\s+")) flags.add("--add-opens=" + pkg + "=ALL-UNNAMED");
            }
            if (a != null && a.getValue("Enable-Native-Access") != null && javaFeatureVersion() >= 22) {
                flags.add("--enable-native-access=ALL-UNNAMED");
            }
        } catch (IOException e) {
            // no manifest, no flags
        }
        return flags;
    }

    /** The full command line of a variant, with {@code moreJvmFlags} (e.g. a training or logging flag) last. */
    public List<String> command(Variant v, List<String> moreJvmFlags) {
        List<String> cmd = new ArrayList<>();
        switch (v.kind()) {
            case NATIVE:
                cmd.add(nativeExecutable.toString());
                cmd.addAll(lambdaFlags.nativeFlags());
                cmd.addAll(extraNativeFlags);
                return cmd;
            case NODE:
                cmd.add(nodeBin);
                cmd.addAll(lambdaFlags.nodeFlags());
                cmd.add(nodeScript.toString());
                return cmd;
            default:
                cmd.add(javaBin.toString());
                cmd.addAll(baseJvmFlags != null ? baseJvmFlags : lambdaFlags.all());
                cmd.addAll(manifestFlags());
                cmd.addAll(extraJvmFlags);
                cmd.addAll(v.jvmFlags());
                cmd.addAll(moreJvmFlags);
                cmd.add("-cp");
                cmd.add(jar + File.pathSeparator + benchLib + File.separator + "*");
                cmd.add(RIC_MAIN);
                cmd.add(LambdaEnvironment.HANDLER);
                return cmd;
        }
    }

    /** A builder for one process of {@code v} served by {@code api}. */
    public FunctionProcess.Builder prepare(Variant v, RuntimeApi api) {
        return new FunctionProcess.Builder(this, v, api);
    }

    Map<String, String> environment(Variant v, RuntimeApi api, String modelBaseUrl, String awsEndpoint, Map<String, String> env) {
        Map<String, String> e = LambdaEnvironment.base(api.address(), modelBaseUrl, awsEndpoint, project, lambdaFlags.memoryMb());
        e.putAll(extraEnv);
        e.putAll(v.env());
        e.putAll(env);
        return e;
    }
}
