package io.newsflow.harness.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds of this JVM's threads by OS thread name (digits folded, so a pool counts as one), from
 * /proc/self/task on Linux: which service, client or JVM thread (GC, JIT) a stage's CPU went to.
 */
public final class ThreadCpu {
    private ThreadCpu() {}

    public static Map<String, Double> snapshot() {
        Map<String, Double> cpu = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
                    cpu.merge(name, CpuSampler.ticksFromStat(stat) / (double) CpuSampler.CLOCK_TICKS, Double::sum);
                } catch (IOException | RuntimeException ignored) {
                    // the thread ended while we looked
                }
            });
        } catch (IOException e) {
            // not Linux: nothing to report
        }
        return cpu;
    }

    /** The threads that used the most CPU since {@code before}, as one line each. */
    static void printSince(Map<String, Double> before, String title, int top, PrintStream out) {
        Map<String, Double> now = snapshot();
        now.replaceAll((name, s) -> s - before.getOrDefault(name, 0.0));
        out.println(title);
        now.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.printf("    %-18s %6.1f s%n", e.getKey(), e.getValue()));
    }
}
