package io.newsflow.benchmarks.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sampling profiler inside the benchmark's JVM: every few milliseconds it records where the threads whose
 * name matches a pattern are (runnable ones only), then prints the hottest leaf frames and the hottest frames
 * of our own code. Safepoint-biased like any stack sampler, but it sees threads in native code (RocksDB) too.
 */
public final class StackSampler implements AutoCloseable {
    private final String threadMarker;
    private final Map<String, Integer> leaves = new HashMap<>();
    private final Map<String, Integer> ours = new HashMap<>();
    private final Map<String, Integer> inclusive = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;
    private int samples;
    /** -Dbench.sample.wall=true: every state (parked, waiting) counts, so blocking shows up */
    private final boolean wallClock = Boolean.getBoolean("bench.sample.wall");

    public StackSampler(String threadMarker, long intervalMs) {
        this.threadMarker = threadMarker;
        this.sampler = new Thread(() -> {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            while (running.get()) {
                for (ThreadInfo info : mx.dumpAllThreads(false, false, 64)) {
                    if (info.getThreadName().matches(threadMarker)
                            && (wallClock || info.getThreadState() == Thread.State.RUNNABLE)) record(info);
                }
                try {
                    Thread.sleep(intervalMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "stack-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private synchronized void record(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        if (stack.length == 0) return;
        samples++;
        leaves.merge(info.getThreadState() + " " + frame(stack[0]), 1, Integer::sum);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (StackTraceElement e : stack) {
            String method = e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName();
            if (seen.add(method)) inclusive.merge(method, 1, Integer::sum);
        }
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("io.newsflow")) {
                ours.merge(frame(e), 1, Integer::sum);
                return;
            }
        }
        ours.merge("(no newsflow frame) " + frame(stack[Math.min(stack.length - 1, 6)]), 1, Integer::sum);
    }

    private static String frame(StackTraceElement e) {
        return e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName() + ":" + e.getLineNumber();
    }

    @Override
    public synchronized void close() {
        running.set(false);
        sampler.interrupt();
        System.out.printf("== %d runnable samples of threads named %s ==%n-- hottest leaf frames --%n", samples, threadMarker);
        print(leaves);
        System.out.println("-- hottest newsflow frames (first on the stack) --");
        print(ours);
        System.out.println("-- methods by inclusive samples --");
        print(inclusive, 60);
    }

    private void print(Map<String, Integer> counts) {
        print(counts, 30);
    }

    private void print(Map<String, Integer> counts, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf("%6.1f%% %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }
}
