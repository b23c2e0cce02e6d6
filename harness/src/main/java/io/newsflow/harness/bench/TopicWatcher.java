package io.newsflow.harness.bench;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.ToLongFunction;

/**
 * Reads an output topic from its current end the way a downstream consumer does (read_committed), counts records
 * and records each one's latency: now minus the record's start time (a header, or the producer's timestamp).
 * Records of topics created with message.timestamp.type=LogAppendTime also give the broker's append times: the
 * first and last of them time throughput on the broker's clock.
 */
final class TopicWatcher implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ToLongFunction<ConsumerRecord<byte[], byte[]>> startMillis;
    private java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> filter = r -> true;
    private final Histogram latency = Measurement.newHistogram();
    private long count;
    private long firstAt;
    private long lastAt;
    private long appended;
    private long firstAppendMillis = Long.MAX_VALUE;
    private long lastAppendMillis = Long.MIN_VALUE;

    TopicWatcher(String bootstrap, String topic, ToLongFunction<ConsumerRecord<byte[], byte[]>> startMillis) {
        this(bootstrap, List.of(topic), startMillis);
    }

    /** Watches several topics as one output (e.g. the finished articles and the dead letters of the same input). */
    TopicWatcher(String bootstrap, List<String> topics, ToLongFunction<ConsumerRecord<byte[], byte[]>> startMillis) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // what a downstream consumer sees: committed output only
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.startMillis = startMillis;
        List<TopicPartition> parts = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream())
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30))); // fix the start before anything is sent
    }

    /** Counts only records whose key contains this text (the run's id prefix): stragglers of other runs are ignored. */
    TopicWatcher onlyKeysContaining(String text) {
        filter = r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).contains(text);
        return this;
    }

    /** An epoch-millis header, e.g. newsflow.received_at (when ingest accepted the item over HTTP). */
    static ToLongFunction<ConsumerRecord<byte[], byte[]>> header(String name) {
        return r -> {
            Header h = r.headers().lastHeader(name);
            return h == null ? -1 : Long.parseLong(new String(h.value(), StandardCharsets.US_ASCII));
        };
    }

    /** Polls until {@code expected} records arrived or the time limit passed. */
    void awaitCount(long expected, Duration limit) {
        awaitCount(expected, limit, limit);
    }

    /** As above, and gives up early when nothing arrived for {@code idle} (the rest is not coming). */
    void awaitCount(long expected, Duration limit, Duration idle) {
        long deadline = System.nanoTime() + limit.toNanos();
        long lastProgress = System.nanoTime();
        long seen = count;
        // the idle limit starts with the first record: the first one may wait for start-up work
        while (count < expected && System.nanoTime() < deadline
                && (count == 0 || System.nanoTime() - lastProgress < idle.toNanos())) {
            poll();
            if (count != seen) {
                seen = count;
                lastProgress = System.nanoTime();
            }
        }
    }

    /** Polls for a while (fixed-rate runs: the sender decides the end). */
    void pollFor(Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
        }
    }

    private void poll() {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
            if (!filter.test(r)) {
                continue;
            }
            long now = System.currentTimeMillis();
            long start = startMillis.applyAsLong(r);
            if (start > 0) {
                latency.recordValue(Math.max(1, (now - start) * 1000));
            }
            if (r.timestampType() == TimestampType.LOG_APPEND_TIME) {
                appended++;
                firstAppendMillis = Math.min(firstAppendMillis, r.timestamp());
                lastAppendMillis = Math.max(lastAppendMillis, r.timestamp());
            }
            if (count++ == 0) {
                firstAt = System.nanoTime();
            }
            lastAt = System.nanoTime();
        }
    }

    long count() {
        return count;
    }

    /** Nanotime of the last record seen. */
    long lastAt() {
        return lastAt;
    }

    long firstAt() {
        return firstAt;
    }

    /** Records counted that carry a broker append time (LogAppendTime topics only). */
    long appended() {
        return appended;
    }

    /** Earliest broker append time (epoch millis) among them. */
    long firstAppendMillis() {
        return firstAppendMillis;
    }

    /** Latest broker append time (epoch millis) among them. */
    long lastAppendMillis() {
        return lastAppendMillis;
    }

    /** The records counted, timed on the broker's clock (first to last append). */
    Measurement brokerClock(String name, long expected) {
        return Measurement.brokerClock(name, appended, expected, firstAppendMillis, lastAppendMillis, latency);
    }

    Histogram latency() {
        return latency;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
