package io.newsflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.ParserRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.schemas.avro.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A body of a thousand bad items writes its dead letters in at most twice its own size: each item's own text while
 * the items' share lasts, the rest listed in one dead letter that carries the body once.
 */
class DeadLetterBoundsTest {
    private final MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(), (t, d) -> new byte[0]);
    private final IngestHandler handler;

    DeadLetterBoundsTest() {
        Properties p = new Properties();
        p.setProperty("ingest.feed.wire.key", "k");
        p.setProperty("ingest.max.items", "1000");
        p.setProperty("ingest.max.body.bytes", "2000000");
        handler = new IngestHandler(IngestConfig.from(p, Map.of()), ParserRegistry.defaults(), producer,
                new IngestMetrics(new SimpleMeterRegistry()));
    }

    private List<DeadLetter> post(String contentType, byte[] body) {
        IngestHandler.Response r = handler.handle(new IngestHandler.Request("Bearer k", contentType, null, (long) body.length, body));
        assertThat(r.status()).as(r.json()).isEqualTo(422);
        return producer.history().stream().map(ProducerRecord::value).map(DeadLetter.class::cast).toList();
    }

    private static long bytes(List<DeadLetter> letters) {
        long total = 0;
        for (DeadLetter d : letters) {
            try {
                total += d.toByteBuffer().remaining();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return total;
    }

    @Test
    void aThousandBadFeedItemsWithoutTextOfTheirOwnAreOneDeadLetterThatCarriesTheBodyOnce() {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bad</title>");
        for (int i = 0; i < 1000; i++) {
            rss.append("<item><guid>bad-").append(i).append("</guid><category>").append("x".repeat(700)).append("</category></item>");
        }
        byte[] body = rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
        List<DeadLetter> letters = post("application/rss+xml", body);
        long written = bytes(letters);
        System.out.printf("dead letters of 1,000 bad RSS items: %d letters, %,d bytes for a %,d-byte body (%.2fx)%n",
                letters.size(), written, body.length, (double) written / body.length);
        assertThat(letters).singleElement().satisfies(d -> {
            assertThat(d.getReason()).contains("1000 items refused", "bad-0", "and 950 more");
            assertThat(d.getPayload().remaining()).isEqualTo(body.length);
        });
        assertThat(written).isLessThanOrEqualTo(2L * body.length);
    }

    @Test
    void aThousandBadNinjsItemsKeepTheirOwnTextWithinTwiceTheBody() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            if (i > 0) json.append(',');
            json.append("{\"uri\":\"urn:bad:").append(i).append("\",\"type\":\"text\",\"version\":\"x\",\"headlines\":7,\"body\":\"")
                    .append("y".repeat(600)).append("\"}");
        }
        byte[] body = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        List<DeadLetter> letters = post("application/json", body);
        long written = bytes(letters);
        System.out.printf("dead letters of 1,000 bad ninjs items: %d letters, %,d bytes for a %,d-byte body (%.2fx)%n",
                letters.size(), written, body.length, (double) written / body.length);
        assertThat(letters).hasSize(1000).allSatisfy(d -> assertThat(d.getPayload().remaining()).isLessThan(1000));
        assertThat(letters.get(0).getItemId()).isEqualTo("urn:bad:0");
        assertThat(written).isLessThanOrEqualTo(2L * body.length);
    }
}
