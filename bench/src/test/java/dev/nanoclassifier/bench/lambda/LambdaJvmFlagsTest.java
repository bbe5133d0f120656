package dev.nanoclassifier.bench.lambda;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaJvmFlagsTest {

    @Test
    void matchesTheManagedRuntimesCommandLineFor256Mb() {
        // DataDog/datadog-lambda-extension#117 quotes -XX:MaxHeapSize=222823k -XX:MaxMetaspaceSize=26214k
        // -XX:ReservedCodeCacheSize=13107k for a 256 MB function; heap within 1 KiB of rounding.
        List<String> f = LambdaJvmFlags.forMemory(256).managedRuntimeFlags();
        long heapK = Long.parseLong(f.get(0).replaceAll("\\D", ""));
        assertTrue(Math.abs(heapK - 222823) <= 1, f.get(0));
        assertEquals("-XX:MaxMetaspaceSize=26214k", f.get(1));
        assertEquals("-XX:ReservedCodeCacheSize=13107k", f.get(2));
        assertTrue(f.containsAll(List.of("-XX:+UseSerialGC", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true")), f.toString());
        assertFalse(f.stream().anyMatch(x -> x.startsWith("-Xmx")), "Lambda passes MaxHeapSize, not -Xmx");
    }

    @Test
    void maxRamEmulationIsSeparateAndOptional() {
        assertTrue(LambdaJvmFlags.forMemory(1024).all().contains("-XX:MaxRAM=1024m"));
        assertFalse(new LambdaJvmFlags(1024, false).all().stream().anyMatch(x -> x.startsWith("-XX:MaxRAM")));
        assertFalse(LambdaJvmFlags.forMemory(1024).managedRuntimeFlags().stream().anyMatch(x -> x.startsWith("-XX:MaxRAM")));
    }

    @Test
    void nodeGetsTheHeapLimitsOfLambdasNodeBootstrap() {
        // 1,024 MB: new space 102 MB, semi-space 51 MB, old space 922 MB
        assertEquals(List.of("--max-semi-space-size=51", "--max-old-space-size=922"), LambdaJvmFlags.forMemory(1024).nodeFlags());
        assertEquals(List.of("--max-semi-space-size=6", "--max-old-space-size=116"), LambdaJvmFlags.forMemory(128).nodeFlags());
        assertTrue(new LambdaJvmFlags(1024, false).nodeFlags().isEmpty());
    }

    @Test
    void nativeSeesTheEnvironmentsMemoryOnlyWhenEmulating() {
        assertEquals(List.of("-XX:MaxRAM=1024m"), LambdaJvmFlags.forMemory(1024).nativeFlags());
        assertTrue(new LambdaJvmFlags(1024, false).nativeFlags().isEmpty());
    }
}
