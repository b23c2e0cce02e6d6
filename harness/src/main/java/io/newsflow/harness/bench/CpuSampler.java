package io.newsflow.harness.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * CPU time used by this JVM (the bench, the Streams apps and the pipeline's services) and by the broker and registry
 * child processes, sampled every few milliseconds against the wall clock. A stage's CPU is then taken over exactly
 * the window its throughput was measured on (for broker-clock figures: first to last append), interpolated between
 * samples, so start-up work before the first output record is not charged to the articles.
 *
 * <p>Child processes are read from /proc/PID/stat (utime + stime, in clock ticks); where there is no /proc their
 * share is NaN and the report says n/a.
 */
public final class CpuSampler implements AutoCloseable {
    /** One reading: wall-clock millis and cumulative CPU nanoseconds of each process (NaN: unknown). */
    record Sample(long atMillis, double appNanos, double brokerNanos, double registryNanos) {}

    /** CPU used in a window, in microseconds, per process. */
    record Use(double appMicros, double brokerMicros, double registryMicros) {}

    private final long brokerPid;
    private final long registryPid;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param registryPid -1 when the registry's CPU is not to be read */
    CpuSampler(long brokerPid, long registryPid, long everyMillis) {
        this.brokerPid = brokerPid;
        this.registryPid = registryPid;
        sample();
        this.thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-cpu-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** For tests: no processes, no thread; samples are added by hand. */
    CpuSampler() {
        this.brokerPid = -1;
        this.registryPid = -1;
        this.thread = null;
        this.running = false;
    }

    private void sample() {
        add(new Sample(System.currentTimeMillis(), ownCpuNanos(), processCpuNanos(brokerPid),
                processCpuNanos(registryPid)));
    }

    synchronized void add(Sample s) {
        samples.add(s);
    }

    /** CPU used between two wall-clock instants (a fresh sample is taken first, so the window's end is covered). */
    Use between(long fromMillis, long toMillis) {
        if (running) {
            sample();
        }
        synchronized (this) {
            return new Use(
                    (valueAt(toMillis, Sample::appNanos) - valueAt(fromMillis, Sample::appNanos)) / 1000,
                    (valueAt(toMillis, Sample::brokerNanos) - valueAt(fromMillis, Sample::brokerNanos)) / 1000,
                    (valueAt(toMillis, Sample::registryNanos) - valueAt(fromMillis, Sample::registryNanos)) / 1000);
        }
    }

    /** Linear between the samples either side of {@code t}; the first or last sample outside their range. */
    private double valueAt(long t, ToDoubleFunction<Sample> field) {
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (s.atMillis() >= t) {
                if (i == 0 || s.atMillis() == samples.get(i - 1).atMillis()) {
                    return field.applyAsDouble(s);
                }
                Sample before = samples.get(i - 1);
                double share = (double) (t - before.atMillis()) / (s.atMillis() - before.atMillis());
                return field.applyAsDouble(before) + share * (field.applyAsDouble(s) - field.applyAsDouble(before));
            }
        }
        return field.applyAsDouble(samples.get(samples.size() - 1));
    }

    /** CPU time this JVM has used, in nanoseconds; NaN where the platform does not tell. */
    public static double ownCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            return t < 0 ? Double.NaN : t;
        }
        return Double.NaN;
    }

    /** CPU time another process has used, in nanoseconds, from /proc (Linux); NaN for pid -1 or elsewhere. */
    public static double processCpuNanos(long pid) {
        if (pid < 0) {
            return Double.NaN;
        }
        try {
            return ticksFromStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) * 1e9 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * utime + stime from a /proc/PID/stat line. The command name (field 2) is in parentheses and may itself hold
     * spaces and parentheses, so the fields are counted from the last ')': utime and stime are fields 14 and 15.
     */
    static long ticksFromStat(String stat) {
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        // rest[0] is field 3 (state)
        return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
    }

    static final long CLOCK_TICKS = clockTicksPerSecond();

    /** sysconf(_SC_CLK_TCK) via getconf; 100 (the Linux default) when it cannot be asked. */
    private static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
