package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class TimeBucketsTest {
    static final long HOUR = 3_600_000L;
    static final long WINDOW = 24 * HOUR;
    static final long T0 = 1000 * HOUR;

    @Test
    void oldBucketsStopBeingReadAtOnceAndAreDeletedASliceAtATime() {
        KeyValueStore<Bytes, String> store = TestStores.inMemory(Serdes.String());
        TimeBuckets<String> buckets = new TimeBuckets<>(store, WINDOW);
        int old = TimeBuckets.DELETES_PER_CALL * 2 + 500;
        for (int i = 0; i < old; i++) buckets.put(buckets.newest(T0), key("old-" + i), "v");
        long later = T0 + 2 * WINDOW;
        buckets.put(buckets.newest(later), key("new"), "v");
        assertThat(buckets.oldest(later)).isGreaterThan(buckets.newest(T0));
        assertThat(buckets.expire(later)).isEqualTo(TimeBuckets.DELETES_PER_CALL);
        assertThat(buckets.expire(later)).isEqualTo(TimeBuckets.DELETES_PER_CALL);
        assertThat(buckets.expire(later)).isEqualTo(500);
        assertThat(buckets.expire(later)).isZero();
        assertThat(store.approximateNumEntries()).isEqualTo(1);
        assertThat(buckets.get(buckets.newest(later), key("new"))).isEqualTo("v");
    }

    static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
