package dev.nanoclassifier.bench.lambda;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags AWS's managed Java runtime (java17, java21, java25) starts the function with, for a
 * given memory size. Sources (see bench/README.md, "JVM flags"):
 * <ul>
 *   <li>the heap, metaspace and code-cache limits as fractions of the function's memory (85 %,
 *       10 %, 5 %), {@code -XX:+UseSerialGC} and {@code -Djava.net.preferIPv4Stack=true}: the
 *       managed runtime's own command line as shown by {@code ps} inside Lambda (quoted in
 *       DataDog/datadog-lambda-extension#117: {@code -XX:MaxHeapSize=222823k -XX:MaxMetaspaceSize=26214k
 *       -XX:ReservedCodeCacheSize=13107k -XX:+UseSerialGC ... -Djava.net.preferIPv4Stack=true} for 256 MB);</li>
 *   <li>{@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1}: "In the Java 17 runtime, the JVM flag
 *       for tiered compilation is set to stop at level 1 by default" (AWS Lambda developer guide,
 *       java-customization.html).</li>
 * </ul>
 * Class data sharing is left at the JVM default ({@code -Xshare:auto}), so the JDK's default CDS
 * archive is used, as on Lambda.
 *
 * <p>{@code -XX:MaxRAM} is not a Lambda flag: it makes the JVM see the memory a Lambda environment of
 * that size has (the Firecracker VM has about that much), so that the initial heap is sized as on
 * Lambda (1/64 of it) rather than from this machine's RAM. It can be turned off.
 */
public record LambdaJvmFlags(int memoryMb, boolean emulateMachineMemory) {

    public static final int DEFAULT_MEMORY_MB = 1024;

    public static LambdaJvmFlags forMemory(int memoryMb) {
        return new LambdaJvmFlags(memoryMb, true);
    }

    /** The flags of the managed runtime, in its order. */
    public List<String> managedRuntimeFlags() {
        long kib = memoryMb * 1024L;
        List<String> f = new ArrayList<>();
        f.add("-XX:MaxHeapSize=" + Math.round(kib * 0.85) + "k");
        f.add("-XX:MaxMetaspaceSize=" + Math.round(kib * 0.10) + "k");
        f.add("-XX:ReservedCodeCacheSize=" + Math.round(kib * 0.05) + "k");
        f.add("-XX:+UseSerialGC");
        f.add("-XX:+TieredCompilation");
        f.add("-XX:TieredStopAtLevel=1");
        f.add("-Djava.net.preferIPv4Stack=true");
        return f;
    }

    /**
     * The native executable's runtime options: only the machine-memory emulation, when on. A native
     * image sizes its heap (and its young generation) from the physical memory it sees, so without it
     * the executable would size itself for this machine's RAM, not for the Lambda environment's.
     */
    public List<String> nativeFlags() {
        return emulateMachineMemory ? List.of("-XX:MaxRAM=" + memoryMb + "m") : List.of();
    }

    /**
     * The V8 heap limits Lambda's Node.js runtime bootstrap passes for this memory size (new space a
     * tenth of the memory, a semi-space half of that, old space the rest; AWS's nodejs runtime
     * bootstrap script, see bench/README.md), when the machine-memory emulation is on.
     */
    public List<String> nodeFlags() {
        if (!emulateMachineMemory) return List.of();
        int newSpace = memoryMb / 10;
        return List.of("--max-semi-space-size=" + newSpace / 2, "--max-old-space-size=" + (memoryMb - newSpace));
    }

    /** {@link #managedRuntimeFlags()} plus the machine-memory emulation when on. */
    public List<String> all() {
        List<String> f = managedRuntimeFlags();
        if (emulateMachineMemory) f.add("-XX:MaxRAM=" + memoryMb + "m");
        return f;
    }
}
