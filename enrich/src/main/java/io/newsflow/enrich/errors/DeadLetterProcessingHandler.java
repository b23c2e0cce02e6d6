package io.newsflow.enrich.errors;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that makes a processor throw goes to the dead-letter topic with the processor's name as the stage and the
 * exception as the reason, and processing goes on with the next record: one bad article must not stall the
 * one-partition newsroom. The payload is the input record's bytes as they were read (so it can be replayed); where
 * Streams has none (a punctuation), the record's value as text.
 */
public class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetters letters;

    @Override
    public void configure(Map<String, ?> configs) {
        letters = DeadLetters.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String key = record.key() == null ? null : record.key().toString();
        if (Transient.is(exception)) {
            // the registry or a broker is away: the record waits for it, from the last commit, instead of being lost
            log.warn("processing in {} (task {}, {}-{} at offset {}) met a failure that will pass, retried from the last commit:"
                    + " {}", context.processorNodeId(), context.taskId(), context.topic(), context.partition(), context.offset(),
                    DeadLetters.describe(exception));
            return Response.fail();
        }
        String stage = "enrich/" + context.processorNodeId();
        String from = " (task " + context.taskId() + ", from " + context.topic() + "-" + context.partition() + " at offset "
                + context.offset() + "): ";
        String reason;
        if (exception instanceof RecordRefusedException refused) {
            reason = "refused in " + context.processorNodeId() + from + refused.getMessage();
            log.warn("dead letter: stage={} topic={} partition={} offset={} key={} refused: {}", stage, context.topic(),
                    context.partition(), context.offset(), key, refused.getMessage());
        } else {
            String cause = DeadLetters.describe(exception);
            reason = "processing failed in " + context.processorNodeId() + from + cause;
            log.error("dead letter: stage={} topic={} partition={} offset={} key={} reason={}", stage, context.topic(),
                    context.partition(), context.offset(), key, cause, exception);
        }
        byte[] payload = context.sourceRawValue();
        if (payload == null && record.value() != null) payload = record.value().toString().getBytes(StandardCharsets.UTF_8);
        byte[] keyBytes = context.sourceRawKey() != null ? context.sourceRawKey()
                : key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return Response.resume(List.of(letters.record(keyBytes, key, payload, stage, reason, exception,
                context.topic(), context.partition(), context.offset())));
    }
}
