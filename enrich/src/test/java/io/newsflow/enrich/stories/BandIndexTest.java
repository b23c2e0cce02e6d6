package io.newsflow.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class BandIndexTest {
    static final long HOUR = 3_600_000L;
    static final long WINDOW = 72 * HOUR;

    static KeyValueStore<Bytes, String> store() {
        KeyValueStore<Bytes, String> s = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("bands"),
                Serdes.Bytes(), Serdes.String()).withLoggingDisabled().build();
        MockProcessorContext<Object, Object> ctx = new MockProcessorContext<>();
        s.init(ctx.getStateStoreContext(), s);
        return s;
    }

    static Set<String> find(BandIndex index, long[] bands, long now) {
        Set<String> out = new LinkedHashSet<>();
        index.candidates(bands, now, 32, out);
        return out;
    }

    @Test
    void findsStoriesSharingABandWithinTheWindowOnly() {
        KeyValueStore<Bytes, String> s = store();
        BandIndex index = new BandIndex(s, WINDOW);
        long t0 = 1000 * HOUR;
        index.add(new long[] {1, 2, 3}, "st-a", t0);
        index.add(new long[] {3, 4}, "st-b", t0 + HOUR);
        assertThat(find(index, new long[] {3}, t0 + 2 * HOUR)).containsExactlyInAnyOrder("st-a", "st-b");
        assertThat(find(index, new long[] {9, 10}, t0 + 2 * HOUR)).isEmpty();
        // a new index over the same store (a restarted task) sees the same entries
        assertThat(find(new BandIndex(s, WINDOW), new long[] {1}, t0 + 2 * HOUR)).containsExactly("st-a");
        // past the window (and a bucket roll-over) the old entries are gone from the store itself
        index.add(new long[] {7}, "st-c", t0 + 3 * WINDOW);
        assertThat(find(index, new long[] {1, 2, 3, 4}, t0 + 3 * WINDOW)).isEmpty();
        assertThat(s.approximateNumEntries()).isEqualTo(1);
    }

    @Test
    void crowdedBandKeepsItsNewestStories() {
        BandIndex index = new BandIndex(store(), WINDOW);
        for (int i = 0; i < BandIndex.MAX_STORIES_PER_BAND + 5; i++) index.add(new long[] {42}, "st-" + i, 1000 * HOUR);
        Set<String> found = find(index, new long[] {42}, 1000 * HOUR);
        assertThat(found).hasSize(BandIndex.MAX_STORIES_PER_BAND).contains("st-20").doesNotContain("st-0");
    }
}
