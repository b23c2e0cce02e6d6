package io.newsflow.harness.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's lag in records, not offsets: with exactly-once every transaction leaves a commit marker that
 * takes an offset, so "end minus committed" stays above zero on an idle pipeline that has nothing left to do. The
 * gap of each partition is read (read_committed, bytes only, markers skipped) up to {@link #EXACT_UP_TO} offsets;
 * a wider gap is counted as offsets and marked approximate.
 */
public final class RecordLag implements AutoCloseable {
    static final long EXACT_UP_TO = 5_000;

    /** Records not yet consumed; {@code exact} is false when a wide gap was counted in offsets. */
    public record Lag(long records, boolean exact) {
        public static final Lag UNKNOWN = new Lag(-1, false);
    }

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;

    /** A read_committed reader of no group, for {@link #RecordLag}. */
    public static KafkaConsumer<byte[], byte[]> reader(String bootstrapServers, String clientId) {
        java.util.Properties client = new java.util.Properties();
        client.setProperty(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        client.setProperty(org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return reader(client);
    }

    /** The same reader with the client settings given (a secured cluster's included). */
    public static KafkaConsumer<byte[], byte[]> reader(java.util.Properties client) {
        java.util.Properties p = new java.util.Properties();
        p.putAll(client);
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a reader of what exists: asking for a topic must not create it on a broker that auto-creates
        p.put(org.apache.kafka.clients.consumer.ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(p, new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    /** @param reader a read_committed consumer of no group, used only by this */
    public RecordLag(Admin admin, KafkaConsumer<byte[], byte[]> reader) {
        this.admin = admin;
        this.reader = reader;
    }

    public synchronized Lag of(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(2, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                return new Lag(0, true);
            }
            // read_committed end offsets (the last stable offset: open transactions are not lag yet), asked for
            // assigned partitions, the only ones whose stable offset the consumer keeps
            reader.assign(committed.keySet());
            Map<TopicPartition, Long> ends = reader.endOffsets(committed.keySet(), Duration.ofSeconds(2));
            long lag = 0;
            boolean exact = true;
            Map<TopicPartition, long[]> toRead = new HashMap<>();
            for (var e : committed.entrySet()) {
                Long end = ends.get(e.getKey());
                if (e.getValue() == null || end == null || end <= e.getValue().offset()) {
                    continue;
                }
                long from = e.getValue().offset();
                if (end - from > EXACT_UP_TO) {
                    lag += end - from;
                    exact = false;
                } else {
                    toRead.put(e.getKey(), new long[] {from, end});
                }
            }
            return new Lag(lag + count(toRead), exact);
        } catch (Exception e) {
            return Lag.UNKNOWN;
        }
    }

    /** Records (not markers) in [from, to) of each partition, as a read_committed reader finds them. */
    synchronized long records(Map<TopicPartition, long[]> ranges) {
        java.util.Set<TopicPartition> assigned = new java.util.HashSet<>(reader.assignment());
        if (assigned.addAll(ranges.keySet())) {
            reader.assign(assigned);
        }
        return count(ranges);
    }

    /** Records (not markers) in [from, end) of each partition. */
    private long count(Map<TopicPartition, long[]> ranges) {
        if (ranges.isEmpty()) {
            return 0;
        }
        List<TopicPartition> others = new ArrayList<>(reader.assignment());
        others.removeAll(ranges.keySet());
        reader.pause(others);
        ranges.forEach((tp, r) -> reader.seek(tp, r[0]));
        long counted = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        List<TopicPartition> open = new ArrayList<>(ranges.keySet());
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(100))) {
                long[] range = ranges.get(new TopicPartition(r.topic(), r.partition()));
                if (r.offset() < range[1]) {
                    counted++;
                }
            }
            open.removeIf(tp -> reader.position(tp) >= ranges.get(tp)[1]);
        }
        // not read in time: the rest counts as offsets
        for (TopicPartition tp : open) {
            counted += Math.max(0, ranges.get(tp)[1] - reader.position(tp));
        }
        reader.resume(others);
        return counted;
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(1));
    }
}
