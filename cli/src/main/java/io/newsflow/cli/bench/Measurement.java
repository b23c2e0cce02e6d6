package io.newsflow.cli.bench;

import org.HdrHistogram.Histogram;

/**
 * One stage's figures: how many records, in how long (throughput), and the latency distribution in microseconds.
 * {@code complete} is false when not every expected record arrived within the time limit.
 */
record Measurement(String name, long records, long expected, double seconds, Histogram latencyMicros) {

    double perSecond() {
        return seconds <= 0 ? 0 : records / seconds;
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
