package dev.nanoclassifier.bench.lambda;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one variant of the function is started: a JVM under the Runtime Interface Client (with extra
 * JVM flags, e.g. an archive), the native executable, or the Node.js baseline. {@code env} is added
 * to the Lambda environment of every process of the variant (e.g. tracing settings);
 * {@code traceSampled} makes the Runtime API hand out sampled trace ids.
 */
public record Variant(String name, String label, Kind kind, List<String> jvmFlags, Map<String, String> env,
                      Path archive, boolean traceSampled) {

    public enum Kind { JVM, NATIVE, NODE }

    public Variant {
        jvmFlags = List.copyOf(jvmFlags);
        env = Map.copyOf(env);
    }

    public static Variant jvm() {
        return new Variant("jvm", "JVM", Kind.JVM, List.of(), Map.of(), null, false);
    }

    public static Variant nativeExecutable() {
        return new Variant("native", "native", Kind.NATIVE, List.of(), Map.of(), null, false);
    }

    public static Variant node() {
        return new Variant("node", "Node 20 + openai SDK", Kind.NODE, List.of(), Map.of(), null, false);
    }

    public Variant named(String newName, String newLabel) {
        return new Variant(newName, newLabel, kind, jvmFlags, env, archive, traceSampled);
    }

    public Variant withJvmFlags(List<String> more) {
        List<String> f = new ArrayList<>(jvmFlags);
        f.addAll(more);
        return new Variant(name, label, kind, f, env, archive, traceSampled);
    }

    public Variant withEnv(Map<String, String> more) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.putAll(more);
        return new Variant(name, label, kind, jvmFlags, e, archive, traceSampled);
    }

    public Variant withArchive(Path file) {
        return new Variant(name, label, kind, jvmFlags, env, file, traceSampled);
    }

    public Variant withTraceSampled(boolean sampled) {
        return new Variant(name, label, kind, jvmFlags, env, archive, sampled);
    }

    public boolean isJvm() {
        return kind == Kind.JVM;
    }
}
