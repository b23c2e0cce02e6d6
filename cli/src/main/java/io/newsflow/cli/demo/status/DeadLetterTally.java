package io.newsflow.cli.demo.status;

import io.newsflow.schemas.avro.DeadLetter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** Dead letters written since the board started, by stage and error type ({@code ingest/unfinished}). */
final class DeadLetterTally implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<Object> avro;
    private final String topic;
    private final Map<String, Long> byReason = new TreeMap<>();
    private boolean positioned;

    DeadLetterTally(KafkaConsumer<byte[], byte[]> consumer, Deserializer<Object> avro, String topic) {
        this.consumer = consumer;
        this.avro = avro;
        this.topic = topic;
    }

    /** Reads what arrived since the last call; returns the counts so far. */
    Map<String, Long> poll() {
        if (!positioned) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix "now" before anything new arrives
            positioned = true;
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            String reason;
            try {
                DeadLetter d = (DeadLetter) avro.deserialize(r.topic(), r.value());
                reason = d.getStage() + "/" + (d.getErrorType() == null ? "other" : d.getErrorType());
            } catch (RuntimeException e) {
                reason = "unreadable";
            }
            byReason.merge(reason, 1L, Long::sum);
        }
        return Map.copyOf(byReason);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
        avro.close();
    }
}
