package io.newsflow.benchmarks.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * CPU time of the benchmark thread per iteration and the articles it handled, reported next to the wall-clock
 * score: on a shared machine, articles per CPU-second is the figure that survives other people's load.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    public long cpuMicros;
    public long articles;
    private long start;

    @Setup(Level.Iteration)
    public void start() {
        cpuMicros = 0;
        articles = 0;
        start = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        cpuMicros = (THREADS.getCurrentThreadCpuTime() - start) / 1000;
    }
}
