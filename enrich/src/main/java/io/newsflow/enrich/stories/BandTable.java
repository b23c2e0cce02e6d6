package io.newsflow.enrich.stories;

import java.util.Arrays;
import java.util.List;

/**
 * Band key -> the stories having it (newest last, at most {@code capacityPerBand}), for one time bucket.
 * Open addressing over primitive keys, and a band with one story (most of them) holds the id string itself:
 * about 25 bytes per band instead of ~100 for a HashMap of boxed keys and lists. Bands are never removed one
 * by one: a whole bucket's table is dropped when the bucket expires.
 */
final class BandTable {
    private static final Object FREE = null;
    private final int capacityPerBand;
    private long[] keys = new long[1024];
    /** String (one story) or String[] (several, newest last) */
    private Object[] values = new Object[1024];
    private int size;

    BandTable(int capacityPerBand) {
        this.capacityPerBand = capacityPerBand;
    }

    /** The stories with this band, or an empty list. */
    List<String> get(long band) {
        int slot = find(band);
        Object v = values[slot];
        if (v == FREE) return List.of();
        return v instanceof String s ? List.of(s) : Arrays.asList((String[]) v);
    }

    /** Adds the story to the band (no-op when present); past the capacity the oldest story leaves. */
    void add(long band, String storyId) {
        int slot = find(band);
        Object v = values[slot];
        if (v == FREE) {
            keys[slot] = band;
            values[slot] = storyId;
            if (++size * 2 > keys.length) grow();
            return;
        }
        String[] stories = v instanceof String s ? new String[] {s} : (String[]) v;
        for (String id : stories) {
            if (id.equals(storyId)) return;
        }
        String[] grown;
        if (stories.length >= capacityPerBand) {
            grown = Arrays.copyOfRange(stories, stories.length - capacityPerBand + 1, stories.length + 1);
        } else {
            grown = Arrays.copyOf(stories, stories.length + 1);
        }
        grown[grown.length - 1] = storyId;
        values[slot] = grown;
    }

    int size() {
        return size;
    }

    private int find(long band) {
        int mask = keys.length - 1;
        int slot = (int) (mix(band) & mask);
        while (values[slot] != FREE && keys[slot] != band) slot = (slot + 1) & mask;
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != FREE) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private static long mix(long x) {
        x *= 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }
}
