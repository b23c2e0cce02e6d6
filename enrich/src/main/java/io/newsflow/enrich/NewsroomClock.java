package io.newsflow.enrich;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The newsroom's event-time clock: the newest article time seen (a watermark that never goes back),
 * plus a change counter the publisher uses to skip idle rounds. Kept in a changelogged store so a
 * restarted or moved task resumes with the same clock and the same scores.
 */
public final class NewsroomClock {
    public static final String STORE = "newsroom-clock";
    private static final String NOW = "now";
    private static final String CHANGES = "changes";

    private final KeyValueStore<String, Long> store;

    public NewsroomClock(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    /** Moves the clock to {@code eventTimeMs} if that is later; returns the clock. */
    public long advance(long eventTimeMs) {
        long now = now();
        if (eventTimeMs > now) {
            store.put(NOW, eventTimeMs);
            return eventTimeMs;
        }
        return now;
    }

    public long now() {
        Long v = store.get(NOW);
        return v == null ? Long.MIN_VALUE : v;
    }

    public void markChanged() {
        store.put(CHANGES, changes() + 1);
    }

    public long changes() {
        Long v = store.get(CHANGES);
        return v == null ? 0 : v;
    }
}
