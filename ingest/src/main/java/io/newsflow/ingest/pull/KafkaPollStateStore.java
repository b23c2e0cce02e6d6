package io.newsflow.ingest.pull;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Polling state in a compacted Kafka topic, key = source name, value = {@link PollState} JSON: no local disk, so an
 * ingest restarted anywhere goes on with its validators and backoff. Loaded by reading the topic to its end.
 */
public final class KafkaPollStateStore implements PollStateStore {
    private final String topic;
    private final Properties clientSettings;
    private final KafkaProducer<String, String> producer;

    public KafkaPollStateStore(Properties clientSettings, String topic) {
        this.topic = topic;
        this.clientSettings = clientSettings;
        Properties p = new Properties();
        p.putAll(clientSettings);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest-poll-state");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    @Override
    public Map<String, PollState> load() {
        Properties p = new Properties();
        p.putAll(clientSettings);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-ingest-poll-state-reader");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, PollState> out = new HashMap<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = c.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("polling state: " + topic + " not read to its end within 30 s");
                }
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        out.remove(r.key());
                    } else {
                        out.put(r.key(), PollState.fromJson(r.value()));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void save(String source, PollState state) {
        try {
            producer.send(new ProducerRecord<>(topic, source, state.toJson())).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted saving the polling state of " + source, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot save the polling state of " + source + " to " + topic + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
