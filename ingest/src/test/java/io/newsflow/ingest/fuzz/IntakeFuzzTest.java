package io.newsflow.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.http.IngestHandler;
import io.newsflow.ingest.http.IngestMetrics;
import io.newsflow.ingest.support.Gzip;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The invariant of every parser and of the intake as a whole: whatever the bytes, an answer or a named error
 * ({@link ParseException}, a 4xx), never another exception, a hang or unbounded memory. Every build replays the inputs
 * kept under {@code src/test/resources/io/newsflow/ingest/fuzz/IntakeFuzzTestInputs/<method>/} (the findings of past
 * campaigns among them); {@code mvn -Pfuzz} fuzzes (see .ci/fuzz).
 */
class IntakeFuzzTest {
    private static final ParserRegistry REGISTRY = ParserRegistry.defaults();
    private static final long MAX_BYTES = 1 << 20;

    private static void parse(byte[] input, String contentType, String format) {
        try {
            REGISTRY.parse(new Document("fuzz", contentType, input), format);
        } catch (ParseException named) {
            // a named error is an answer
        }
    }

    @FuzzTest(maxDuration = "2m")
    void ninjs(byte[] input) {
        parse(input, "application/json", "ninjs");
    }

    @FuzzTest(maxDuration = "2m")
    void newsml(byte[] input) {
        parse(input, "application/vnd.iptc.g2.newsitem+xml", "newsml");
    }

    @FuzzTest(maxDuration = "2m")
    void rss(byte[] input) {
        parse(input, "application/rss+xml", "rss");
    }

    @FuzzTest(maxDuration = "2m")
    void atom(byte[] input) {
        parse(input, "application/atom+xml", "atom");
    }

    @FuzzTest(maxDuration = "2m")
    void html(byte[] input) {
        parse(input, "text/html", "html");
    }

    @FuzzTest(maxDuration = "2m")
    void text(byte[] input) {
        parse(input, "text/plain", "text");
    }

    @FuzzTest(maxDuration = "2m")
    void gzip(byte[] input) {
        try {
            byte[] out = Gzip.maybeGunzip(input, MAX_BYTES);
            assertThat((long) out.length).isLessThanOrEqualTo(MAX_BYTES);
        } catch (IllegalArgumentException | IOException named) {
            // too large or corrupt, said so
        }
    }

    private static final String[] TYPES = {"application/json", "application/ninjs+json", "application/rss+xml",
            "application/atom+xml", "application/xml", "application/vnd.iptc.g2.newsitem+xml", "text/html", "text/plain",
            "application/octet-stream", "image/png", null};
    private static final IngestHandler HANDLER = handler();

    private static IngestHandler handler() {
        Properties p = new Properties();
        p.setProperty("ingest.feed.wire.key", "k");
        p.setProperty("ingest.max.items", "50");
        p.setProperty("ingest.max.body.bytes", Long.toString(MAX_BYTES));
        // acks complete at once; what is sent is not kept (a fuzz run sends millions)
        MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(), (t, d) -> new byte[0]) {
            @Override
            public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                    org.apache.kafka.clients.producer.ProducerRecord<String, Object> record) {
                java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> f = super.send(record);
                clear();
                return f;
            }
        };
        return new IngestHandler(IngestConfig.from(p, Map.of()), REGISTRY, producer, new IngestMetrics(new SimpleMeterRegistry()));
    }

    @FuzzTest(maxDuration = "2m")
    void intake(FuzzedDataProvider data) {
        String type = TYPES[data.consumeInt(0, TYPES.length - 1)];
        String encoding = data.consumeBoolean() ? (data.consumeBoolean() ? "gzip" : "identity") : null;
        byte[] body = data.consumeRemainingAsBytes();
        IngestHandler.Response r = HANDLER.handle(new IngestHandler.Request("Bearer k", type, encoding, (long) body.length, body));
        assertThat(r.status()).as(r.json()).isIn(202, 400, 413, 415, 422);
    }
}
