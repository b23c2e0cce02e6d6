package io.newsflow.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a whole topic the way a downstream consumer sees it: read_committed, so records of open or aborted
 * transactions never show. No consumer group: partitions are assigned directly and nothing is committed.
 */
public final class TopicReader {
    private TopicReader() {}

    /** All records up to the current end (the last stable offset under read_committed) of every partition. */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, String topic, Deserializer<K> keys,
                                                            Deserializer<V> values, Duration timeout) {
        try (KafkaConsumer<K, V> consumer = consumer(bootstrapServers, keys, values)) {
            List<TopicPartition> partitions = partitions(consumer, topic, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " up to " + end + " within " + timeout);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    /** Polls from the beginning until at least {@code count} committed records arrived; fails after the timeout. */
    public static <K, V> List<ConsumerRecord<K, V>> awaitRecords(String bootstrapServers, String topic, int count,
                                                                 Duration timeout, Deserializer<K> keys,
                                                                 Deserializer<V> values) {
        return awaitRecords(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, count, timeout,
                keys, values);
    }

    /** As above, with client settings of the caller's (a secured listener's security.protocol, sasl.*, ...). */
    public static <K, V> List<ConsumerRecord<K, V>> awaitRecords(Map<?, ?> client, String topic, int count,
                                                                 Duration timeout, Deserializer<K> keys,
                                                                 Deserializer<V> values) {
        try (KafkaConsumer<K, V> consumer = consumer(client, keys, values)) {
            List<TopicPartition> partitions = partitions(consumer, topic, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("expected at least " + count + " records in " + topic + " within "
                            + timeout + " but got " + records.size());
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    private static <K, V> KafkaConsumer<K, V> consumer(String bootstrapServers, Deserializer<K> keys,
                                                       Deserializer<V> values) {
        return consumer(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), keys, values);
    }

    private static <K, V> KafkaConsumer<K, V> consumer(Map<?, ?> client, Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> p = new java.util.HashMap<>();
        client.forEach((k, v) -> p.put(String.valueOf(k), v));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, keys, values);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }
}
