package io.newsflow.enrich.errors;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record on an input topic that cannot be read (not Avro, unknown schema id, wrong type) goes to the dead-letter
 * topic as a DeadLetter with its untouched bytes, where it came from and why, and processing goes on.
 * Kafka Streams sends the dead letter in the task's transaction, so under exactly-once it is written exactly when
 * the input offset is committed.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    /** Streams config key: the dead-letter topic (default news.deadletter). */
    public static final String TOPIC_CONFIG = "newsflow.deadletter.topic";
    /** Streams config key: the schema registry the DeadLetter schema is registered with. */
    public static final String REGISTRY_CONFIG = "newsflow.deadletter.schema.registry.url";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetters letters;

    @Override
    public void configure(Map<String, ?> configs) {
        letters = DeadLetters.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (Transient.is(exception)) {
            // a schema the registry cannot give while it is away: the record is read again once it is back
            log.warn("cannot read {}-{} at offset {} yet, retried from the last commit: {}", record.topic(), record.partition(),
                    record.offset(), DeadLetters.describe(exception));
            return Response.fail();
        }
        String cause = DeadLetters.describe(exception);
        String reason = "cannot read the record on " + record.topic() + "-" + record.partition() + " at offset "
                + record.offset() + ": " + cause;
        log.warn("dead letter: stage=enrich topic={} partition={} offset={} key={} reason={}", record.topic(), record.partition(),
                record.offset(), key, cause);
        return Response.resume(List.of(letters.record(record.key(), key, record.value(), "enrich", reason, exception,
                record.topic(), record.partition(), record.offset())));
    }
}
