package dev.nanoclassifier.bench.lambda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionLauncherTest {

    @TempDir
    Path project;

    @Test
    void jvmCommandRunsTheRicInFrontOfTheQuarkusHandlerWithFlagsInOrder() {
        FunctionLauncher l = FunctionLauncher.forProject(project).extraJvmFlags(List.of("-Dall=1"));
        List<String> cmd = l.command(Variant.jvm().withJvmFlags(List.of("-XX:AOTCache=x.aot")), List.of("-Xlog:disable"));
        int lambdaFlag = cmd.indexOf("-XX:TieredStopAtLevel=1");
        assertTrue(lambdaFlag > 0 && lambdaFlag < cmd.indexOf("-Dall=1"), cmd.toString());
        assertTrue(cmd.indexOf("-Dall=1") < cmd.indexOf("-XX:AOTCache=x.aot"), cmd.toString());
        assertTrue(cmd.indexOf("-XX:AOTCache=x.aot") < cmd.indexOf("-Xlog:disable"), cmd.toString());
        assertEquals(FunctionLauncher.RIC_MAIN, cmd.get(cmd.size() - 2));
        assertEquals(LambdaEnvironment.HANDLER, cmd.get(cmd.size() - 1));
        assertTrue(cmd.get(cmd.indexOf("-cp") + 1).endsWith("target/nano-classifier-runner.jar:" + project.resolve("target/bench-lib") + "/*"));
    }

    @Test
    void nativeAndNodeGetNoJvmFlagsOnlyTheEnvironmentsMemory() {
        FunctionLauncher l = FunctionLauncher.forProject(project);
        assertEquals(List.of(project.resolve("target/native-link/nano-classifier-runner").toString(), "-XX:MaxRAM=1024m"),
                l.command(Variant.nativeExecutable(), List.of("-Xshare:on")));
        assertEquals(List.of(project.resolve("target/native-link/nano-classifier-runner").toString(), "-XX:MaxRAM=1024m", "-XX:MaxNewSize=8m"),
                FunctionLauncher.forProject(project).extraNativeFlags(List.of("-XX:MaxNewSize=8m")).command(Variant.nativeExecutable(), List.of()));
        assertEquals(List.of("node", "--max-semi-space-size=51", "--max-old-space-size=922", project.resolve("bench/node/index.mjs").toString()),
                l.command(Variant.node(), List.of()));
    }

    @Test
    void environmentLayersBaseLauncherVariantAndProcess() throws Exception {
        try (RuntimeApi api = RuntimeApi.start()) {
            FunctionLauncher l = FunctionLauncher.forProject(project).extraEnv(Map.of("A", "launcher", "B", "launcher", "C", "launcher"));
            Variant v = Variant.jvm().withEnv(Map.of("B", "variant", "C", "variant"));
            Map<String, String> env = l.environment(v, api, "http://127.0.0.1:1/v1", null, Map.of("C", "process", "CLASSIFIER_MODEL", "m"));
            assertEquals("launcher", env.get("A"));
            assertEquals("variant", env.get("B"));
            assertEquals("process", env.get("C"));
            assertEquals("m", env.get("CLASSIFIER_MODEL"));
            assertEquals(api.address(), env.get("AWS_LAMBDA_RUNTIME_API"));
            assertEquals("1024", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
            assertEquals("http://127.0.0.1:1/v1", env.get("OPENAI_BASE_URL"));
            assertNull(env.get("JAVA_TOOL_OPTIONS"));
        }
    }

    @Test
    void saysWhyAVariantCannotRun() {
        FunctionLauncher l = FunctionLauncher.forProject(project);
        assertNotNull(l.unavailableReason(Variant.jvm()));
        assertTrue(l.unavailableReason(Variant.nativeExecutable()).contains("native executable"));
        assertTrue(l.unavailableReason(Variant.node()).contains("index.mjs"));
    }
}
