package io.newsflow.schemas.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class DeadLetterReportTest {
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aLetterFromARecordCarriesItsSourceInTheFieldsAndTheHeaders() {
        DeadLetter d = DeadLetterReport.of("publish", "story_id missing", "invalid_article").item("a1")
                .origin("wire", "ninjs", null).source("news.articles.enriched", 4, 1234L)
                .payload("{}".getBytes(StandardCharsets.UTF_8)).at(AT);
        assertThat(d.getStage()).hasToString("publish");
        assertThat(d.getReason()).hasToString("story_id missing");
        assertThat(d.getItemId()).hasToString("a1");
        assertThat(d.getFeed()).hasToString("wire");
        assertThat(d.getSourcePartition()).isEqualTo(4);
        assertThat(d.getSourceOffset()).isEqualTo(1234L);
        assertThat(d.getAt()).isEqualTo(AT);
        Headers h = DeadLetterReport.headers(d);
        assertThat(text(h, DeadLetterReport.HEADER_STAGE)).isEqualTo("publish");
        assertThat(text(h, DeadLetterReport.HEADER_ERROR_TYPE)).isEqualTo("invalid_article");
        assertThat(text(h, DeadLetterReport.HEADER_SOURCE_TOPIC)).isEqualTo("news.articles.enriched");
        assertThat(text(h, DeadLetterReport.HEADER_SOURCE_PARTITION)).isEqualTo("4");
        assertThat(text(h, DeadLetterReport.HEADER_SOURCE_OFFSET)).isEqualTo("1234");
    }

    @Test
    void aPayloadOverTheBoundIsCutThereAndTheReasonSaysFromHowMuch() {
        byte[] big = new byte[DeadLetterReport.MAX_PAYLOAD_BYTES + 10];
        Arrays.fill(big, (byte) 'x');
        DeadLetter d = DeadLetterReport.of("ingest", "document too large", "too_large").payload(big).at(AT);
        assertThat(d.getPayload().remaining()).isEqualTo(DeadLetterReport.MAX_PAYLOAD_BYTES);
        assertThat(d.getReason()).hasToString("document too large (payload truncated from "
                + (DeadLetterReport.MAX_PAYLOAD_BYTES + 10) + " bytes)");
        // a letter from outside Kafka has no source headers, and no payload is an empty one
        DeadLetter none = DeadLetterReport.of("ingest", "no items", "no_items").payload(null).at(AT);
        assertThat(none.getPayload().remaining()).isZero();
        assertThat(DeadLetterReport.headers(none).lastHeader(DeadLetterReport.HEADER_SOURCE_TOPIC)).isNull();
    }

    private static String text(Headers h, String key) {
        Header header = h.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
