package io.newsflow.enrich.errors;

import io.micrometer.core.instrument.Metrics;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.serde.KafkaAvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import io.newsflow.schemas.config.ServiceProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record on an input topic that cannot be read (not Avro, unknown schema id, wrong type) goes to the dead-letter
 * topic as a {@link DeadLetter} with its untouched bytes, where it came from and why, and processing goes on.
 * Kafka Streams sends the dead letter in the task's transaction, so under exactly-once it is written exactly when
 * the input offset is committed.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    /** Streams config key: the dead-letter topic (default news.deadletter). */
    public static final String TOPIC_CONFIG = "newsflow.deadletter.topic";
    /** Streams config key: the schema registry the DeadLetter schema is registered with. */
    public static final String REGISTRY_CONFIG = "newsflow.deadletter.schema.registry.url";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private String topic = Topics.DEADLETTER;
    private KafkaAvroSerializer serializer;

    @Override
    public void configure(Map<String, ?> configs) {
        Object t = configs.get(TOPIC_CONFIG);
        if (t != null && !t.toString().isBlank()) topic = t.toString().trim();
        Object registry = configs.get(REGISTRY_CONFIG);
        if (registry == null || registry.toString().isBlank()) {
            throw new ConfigException(REGISTRY_CONFIG, registry, "the dead-letter handler needs the schema registry URL "
                    + "to write DeadLetter records; set it (EnrichConfig.streamsProperties() does)");
        }
        Properties all = new Properties();
        configs.forEach((k, v) -> { if (v != null) all.setProperty(k, v.toString()); });
        Map<String, Object> serde = new HashMap<>(ServiceProperties.serde(all));
        serde.put("schema.registry.url", registry.toString());
        serde.put("auto.register.schemas", true);
        serializer = new KafkaAvroSerializer();
        serializer.configure(serde, false);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        String cause = describe(exception);
        String reason = "cannot read the record on " + record.topic() + "-" + record.partition() + " at offset "
                + record.offset() + ": " + cause;
        log.warn("dead letter: topic={} partition={} offset={} key={} reason={}", record.topic(), record.partition(),
                record.offset(), key, cause);
        Metrics.counter("newsflow.enrich.deadletters", "topic", record.topic()).increment();
        DeadLetter letter = DeadLetter.newBuilder()
                .setStage("enrich")
                .setReason(reason)
                .setErrorType(exception.getClass().getSimpleName())
                .setItemId(key)
                .setPayload(ByteBuffer.wrap(record.value() == null ? new byte[0] : record.value()))
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setAt(Instant.now())
                .build();
        byte[] value = serializer.serialize(topic, letter);
        return Response.resume(List.of(new ProducerRecord<>(topic, record.key(), value)));
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" (caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(')');
        }
        return sb.toString();
    }
}
