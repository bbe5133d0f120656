package dev.nanoclassifier.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/** The machine the run happened on. */
public record MachineInfo(int cores, String os, String jdk, String jdkVendor, String cpuModel, long memTotalMb) {

    public static MachineInfo current() {
        String cpu = "unknown";
        long mem = -1;
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Paths.get("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    mem = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    break;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return new MachineInfo(Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vendor") + " " + System.getProperty("java.vm.name"),
                cpu, mem);
    }

    /** 1, 5 and 15 minute load averages from /proc/loadavg. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
