package io.newsflow.harness.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Even spacing for fixed-rate runs. When the system falls behind, the next items go out at once (not skipped), so a
 * slow stage shows up as latency instead of being hidden by a sender that waits for it.
 */
final class Pacer {
    private final long gapNanos;
    private long next;

    Pacer(double perSecond) {
        this.gapNanos = Math.round(1e9 / perSecond);
        this.next = System.nanoTime();
    }

    void awaitNext() {
        long wait = next - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        next += gapNanos;
    }
}
