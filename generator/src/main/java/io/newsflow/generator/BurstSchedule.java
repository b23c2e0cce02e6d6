package io.newsflow.generator;

import java.util.Random;

/**
 * When to send the next item: a calm rate most of the time and bursts at three times the rate (breaking news), with
 * the calm rate lowered so the long-run average is the asked rate. Deterministic for a seed. Without bursts the
 * gaps are even: what a fixed-rate latency measurement needs.
 */
final class BurstSchedule {
    static final double BURST_FACTOR = 3.0;
    static final double CALM_SECONDS = 17.0;
    static final double BURST_SECONDS = 3.0;
    /** Calm-phase factor that keeps the average at the asked rate: (T - F*B) / C with T = C + B. */
    static final double CALM_FACTOR = (CALM_SECONDS + BURST_SECONDS - BURST_FACTOR * BURST_SECONDS) / CALM_SECONDS;

    private final Random random;
    private final double rate;
    private final boolean bursts;
    private boolean inBurst;
    private long leftInPhase;

    BurstSchedule(long seed, double ratePerSecond, boolean bursts) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be above 0 items/s, got " + ratePerSecond);
        }
        this.random = new Random(seed * 31 + 7);
        this.rate = ratePerSecond;
        this.bursts = bursts;
        this.leftInPhase = phaseLength(false);
    }

    /** Nanoseconds from this item to the next. */
    long nextGapNanos() {
        if (!bursts) {
            return Math.round(1e9 / rate);
        }
        if (leftInPhase-- <= 0) {
            inBurst = !inBurst;
            leftInPhase = phaseLength(inBurst) - 1;
        }
        double current = rate * (inBurst ? BURST_FACTOR : CALM_FACTOR);
        return Math.round(1e9 / current);
    }

    boolean inBurst() {
        return inBurst;
    }

    private long phaseLength(boolean burst) {
        // phase lengths vary 0.5x..1.5x around their mean, counted in items at that phase's rate
        double seconds = (burst ? BURST_SECONDS : CALM_SECONDS) * (0.5 + random.nextDouble());
        return Math.max(1, Math.round(seconds * rate * (burst ? BURST_FACTOR : CALM_FACTOR)));
    }
}
