package io.newsflow.schemas.deadletter;

import io.newsflow.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The one builder of dead letters for every stage, in the spirit of Kafka Connect's DeadLetterQueueReporter: the same
 * {@link DeadLetter} fields and the same record headers from ingest, enrich and publish, and the original bytes kept
 * up to the same bound everywhere (a longer payload is cut there, and its reason says from how many bytes).
 */
public final class DeadLetterReport {
    /** The most payload a dead letter keeps: under the broker's default 1 MiB record limit with the rest of it. */
    public static final int MAX_PAYLOAD_BYTES = 900 * 1024;

    /** Headers every dead letter carries, so a consumer can route or count without decoding Avro. */
    public static final String HEADER_STAGE = "newsflow.dlq.stage";
    public static final String HEADER_ERROR_TYPE = "newsflow.dlq.error.type";
    public static final String HEADER_SOURCE_TOPIC = "newsflow.dlq.source.topic";
    public static final String HEADER_SOURCE_PARTITION = "newsflow.dlq.source.partition";
    public static final String HEADER_SOURCE_OFFSET = "newsflow.dlq.source.offset";

    private final DeadLetter.Builder letter = DeadLetter.newBuilder();
    private final String reason;
    private byte[] payload = new byte[0];

    private DeadLetterReport(String stage, String reason, String errorType) {
        this.reason = reason;
        letter.setStage(stage).setErrorType(errorType);
    }

    /** A dead letter of {@code stage} (ingest, enrich, publish): what is wrong and its kind. */
    public static DeadLetterReport of(String stage, String reason, String errorType) {
        return new DeadLetterReport(stage, reason, errorType);
    }

    public DeadLetterReport item(String itemId) {
        letter.setItemId(itemId);
        return this;
    }

    public DeadLetterReport location(String location) {
        letter.setLocation(location);
        return this;
    }

    /** Where it came from outside: the feed, its format and the request's content type, where known. */
    public DeadLetterReport origin(String feed, String format, String contentType) {
        letter.setFeed(feed).setFormat(format).setContentType(contentType);
        return this;
    }

    /** The Kafka record it was read from. */
    public DeadLetterReport source(String topic, int partition, long offset) {
        letter.setSourceTopic(topic).setSourcePartition(partition).setSourceOffset(offset);
        return this;
    }

    /** The original bytes (null: none). */
    public DeadLetterReport payload(byte[] bytes) {
        this.payload = bytes == null ? new byte[0] : bytes;
        return this;
    }

    public DeadLetter at(Instant at) {
        byte[] kept = payload;
        String why = reason;
        if (payload.length > MAX_PAYLOAD_BYTES) {
            kept = Arrays.copyOf(payload, MAX_PAYLOAD_BYTES);
            why = reason + " (payload truncated from " + payload.length + " bytes)";
        }
        return letter.setReason(why).setPayload(ByteBuffer.wrap(kept)).setAt(at).build();
    }

    /** The headers of a dead letter's record: its stage, error type and, where it has one, its source record. */
    public static Headers headers(DeadLetter d) {
        RecordHeaders h = new RecordHeaders();
        h.add(HEADER_STAGE, bytes(d.getStage()));
        if (d.getErrorType() != null) h.add(HEADER_ERROR_TYPE, bytes(d.getErrorType()));
        if (d.getSourceTopic() != null) {
            h.add(HEADER_SOURCE_TOPIC, bytes(d.getSourceTopic()));
            h.add(HEADER_SOURCE_PARTITION, bytes(String.valueOf(d.getSourcePartition())));
            h.add(HEADER_SOURCE_OFFSET, bytes(String.valueOf(d.getSourceOffset())));
        }
        return h;
    }

    private static byte[] bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
