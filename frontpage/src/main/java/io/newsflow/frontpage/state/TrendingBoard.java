package io.newsflow.frontpage.state;

import io.newsflow.schemas.avro.TrendingList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The latest ranked list per region ("global" or an ISO country code). Thread-safe. */
public final class TrendingBoard {
    private final Map<String, TrendingList> byRegion = new HashMap<>();

    /**
     * Applies one record of the trending topic: a list replaces the region's list unless it is older; a
     * tombstone (null value) removes the region.
     *
     * @return whether the board changed
     */
    public synchronized boolean apply(String key, TrendingList list) {
        if (list == null) {
            return key != null && byRegion.remove(normalise(key)) != null;
        }
        String region = normalise(list.getRegion() != null ? list.getRegion() : key);
        TrendingList current = byRegion.get(region);
        if (current != null && current.getAt() != null && list.getAt() != null && list.getAt().isBefore(current.getAt())) {
            return false;
        }
        byRegion.put(region, list);
        return true;
    }

    /** Region to list; "global" is lower case, countries upper case. */
    public synchronized Map<String, TrendingList> snapshot() {
        return Map.copyOf(byRegion);
    }

    public synchronized int size() {
        return byRegion.size();
    }

    static String normalise(String region) {
        return region.equalsIgnoreCase("global") ? "global" : region.toUpperCase(Locale.ROOT);
    }
}
