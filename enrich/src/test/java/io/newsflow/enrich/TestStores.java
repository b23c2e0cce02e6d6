package io.newsflow.enrich;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** An initialised in-memory key-value store without changelog, for unit tests of the store helpers. */
public final class TestStores {
    private TestStores() {}

    public static <V> KeyValueStore<Bytes, V> inMemory(Serde<V> values) {
        KeyValueStore<Bytes, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("test"), Serdes.Bytes(), values)
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
