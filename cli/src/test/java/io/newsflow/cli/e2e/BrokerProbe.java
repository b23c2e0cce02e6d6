package io.newsflow.cli.e2e;

import io.newsflow.testkit.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the broker knows beyond the records themselves: open transactions, aborted records, consumer lag. */
final class BrokerProbe implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Admin admin = TestKafka.admin();

    /**
     * Partitions holding records of a transaction that is neither committed nor aborted yet: their end offset
     * (high watermark) is past their last stable offset.
     */
    List<TopicPartition> openTransactions(Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                        OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResultInfo> highWatermarks =
                admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get();
        Map<TopicPartition, ListOffsetsResultInfo> stable =
                admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        List<TopicPartition> open = new ArrayList<>();
        highWatermarks.forEach((tp, hw) -> {
            if (hw.offset() > stable.get(tp).offset()) {
                open.add(tp);
            }
        });
        return open;
    }

    /** Records in the topic including those of aborted transactions (read_uncommitted, no control records). */
    long recordsIncludingAborted(String topic) {
        return count(topic, "read_uncommitted", Map.of());
    }

    /**
     * Committed records the group has not consumed yet: read_committed from the group's committed offsets
     * (the beginning where it committed none) to the end. 0 means the group has caught up.
     */
    long unconsumed(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return count(topic, "read_committed", committed);
    }

    private long count(String topic, String isolation, Map<TopicPartition, OffsetAndMetadata> from) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> c =
                     new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, TIMEOUT).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            for (TopicPartition tp : parts) {
                OffsetAndMetadata offset = from.get(tp);
                if (offset != null) {
                    c.seek(tp, offset.offset());
                }
            }
            Map<TopicPartition, Long> end = c.endOffsets(parts, TIMEOUT);
            long n = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (parts.stream().anyMatch(tp -> c.position(tp, TIMEOUT) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to " + end + " within 30 s");
                }
                n += c.poll(Duration.ofMillis(100)).count();
            }
            return n;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
