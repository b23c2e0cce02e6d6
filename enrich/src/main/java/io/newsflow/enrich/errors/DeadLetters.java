package io.newsflow.enrich.errors;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.EnrichMetrics;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.config.ServiceProperties;
import io.newsflow.schemas.deadletter.DeadLetterReport;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;

/** Builds the dead-letter records enrich's error handlers hand back to Kafka Streams (sent in the task's transaction). */
final class DeadLetters {
    private final String topic;
    private final org.apache.kafka.common.serialization.Serializer<Object> serializer;
    private final MeterRegistry meters;

    private DeadLetters(String topic, org.apache.kafka.common.serialization.Serializer<Object> serializer,
                        MeterRegistry meters) {
        this.topic = topic;
        this.meters = meters;
        this.serializer = serializer;
    }

    /** From the Streams configs a handler is configured with. */
    static DeadLetters configure(Map<String, ?> configs) {
        Object t = configs.get(DeadLetterDeserializationHandler.TOPIC_CONFIG);
        String topic = t != null && !t.toString().isBlank() ? t.toString().trim() : Topics.DEADLETTER;
        Object registry = configs.get(DeadLetterDeserializationHandler.REGISTRY_CONFIG);
        if (registry == null || registry.toString().isBlank()) {
            throw new ConfigException(DeadLetterDeserializationHandler.REGISTRY_CONFIG, registry, "the dead-letter handlers need "
                    + "the schema registry URL to write DeadLetter records; set it (EnrichConfig.streamsProperties() does)");
        }
        Properties all = new Properties();
        configs.forEach((k, v) -> { if (v != null) all.setProperty(k, v.toString()); });
        Map<String, Object> serde = new HashMap<>(ServiceProperties.serde(all));
        serde.put("schema.registry.url", registry.toString());
        serde.put("auto.register.schemas", true);
        return new DeadLetters(topic, io.newsflow.schemas.serde.AvroSerdeFactory.serializer(serde, false),
                EnrichMetrics.from(configs));
    }

    String topic() {
        return topic;
    }

    ProducerRecord<byte[], byte[]> record(byte[] key, String itemId, byte[] payload, String stage, String reason,
                                          Throwable error, String sourceTopic, int partition, long offset) {
        EnrichMetrics.DEADLETTERS.counter(meters, stage).increment();
        DeadLetter letter = DeadLetterReport.of(stage, reason,
                        error instanceof RecordRefusedException r ? r.errorType() : error.getClass().getSimpleName())
                .item(itemId).source(sourceTopic, partition, offset).payload(payload).at(Instant.now());
        return new ProducerRecord<>(topic, null, key, serializer.serialize(topic, letter), DeadLetterReport.headers(letter));
    }

    /** The exception and its causes in one line. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" (caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(')');
        }
        return sb.toString();
    }
}
