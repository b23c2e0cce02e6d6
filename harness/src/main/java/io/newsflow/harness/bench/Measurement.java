package io.newsflow.harness.bench;

import org.HdrHistogram.Histogram;

/**
 * One stage's figures: how many records, over which window (throughput), the latency distribution in microseconds,
 * and the CPU the processes used in that window. {@code complete} is false when not every expected record arrived
 * within the time limit. {@code fromMillis}/{@code toMillis} are wall-clock (epoch) millis of the window the rate
 * was taken over, 0 when unknown; {@code cpu} is null until {@link #withCpu} attaches it.
 */
record Measurement(String name, long records, long expected, double seconds, double perSecond, long fromMillis,
                   long toMillis, Histogram latencyMicros, CpuSampler.Use cpu) {

    /** Records over elapsed seconds, window unknown. */
    Measurement(String name, long records, long expected, double seconds, Histogram latencyMicros) {
        this(name, records, expected, seconds, seconds <= 0 ? 0 : records / seconds, 0, 0, latencyMicros, null);
    }

    /** Timed on this JVM's clock: records over the seconds between start and end. */
    static Measurement wallClock(String name, long records, long expected, long startNanos, long endNanos,
                                 long fromMillis, long toMillis, Histogram latencyMicros) {
        double seconds = (endNanos - startNanos) / 1e9;
        return new Measurement(name, records, expected, seconds, seconds <= 0 ? 0 : records / seconds, fromMillis,
                toMillis, latencyMicros, null);
    }

    /**
     * Timed on the broker's clock: the output topic has message.timestamp.type=LogAppendTime, so each record carries
     * the time the broker appended it. {@code records} records span {@code records - 1} gaps between the first and
     * the last append; start-up before the first output record is left out whatever the client's state says.
     */
    static Measurement brokerClock(String name, long records, long expected, long firstAppendMillis,
                                   long lastAppendMillis, Histogram latencyMicros) {
        return new Measurement(name, records, expected, (lastAppendMillis - firstAppendMillis) / 1000.0,
                appendRate(records, firstAppendMillis, lastAppendMillis), firstAppendMillis, lastAppendMillis,
                latencyMicros, null);
    }

    /** (records - 1) / (last - first) per second; NaN when fewer than two records or no time between them. */
    static double appendRate(long records, long firstMillis, long lastMillis) {
        if (records < 2 || lastMillis <= firstMillis) {
            return Double.NaN;
        }
        return (records - 1) * 1000.0 / (lastMillis - firstMillis);
    }

    Measurement withCpu(CpuSampler.Use use) {
        return new Measurement(name, records, expected, seconds, perSecond, fromMillis, toMillis, latencyMicros, use);
    }

    boolean hasWindow() {
        return toMillis > fromMillis;
    }

    /** Articles processed in the window: the rate times the window's length. */
    private double articlesInWindow() {
        return perSecond * seconds;
    }

    double appCpuMicrosPerArticle() {
        return cpu == null ? Double.NaN : cpu.appMicros() / articlesInWindow();
    }

    double brokerCpuMicrosPerArticle() {
        return cpu == null ? Double.NaN : cpu.brokerMicros() / articlesInWindow();
    }

    double registryCpuMicrosPerArticle() {
        return cpu == null ? Double.NaN : cpu.registryMicros() / articlesInWindow();
    }

    /** Cores kept busy on average (this JVM + broker + registry): CPU per article x articles per second. */
    double coresBusy() {
        if (cpu == null) {
            return Double.NaN;
        }
        double total = cpu.appMicros() + cpu.brokerMicros() + (Double.isNaN(cpu.registryMicros()) ? 0
                : cpu.registryMicros());
        return total / 1e6 / seconds;
    }

    boolean complete() {
        return records >= expected;
    }

    double p50Millis() {
        return percentileMillis(50);
    }

    double p99Millis() {
        return percentileMillis(99);
    }

    double percentileMillis(double p) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(p) / 1000.0;
    }

    double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
    }

    static Histogram newHistogram() {
        // 1 us .. 10 min, 3 significant digits
        return new Histogram(1, 600_000_000L, 3);
    }
}
