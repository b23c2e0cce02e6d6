package io.newsflow.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.Fixtures;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.DeadLetter;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The request logic against Kafka's MockProducer (acks completed or failed by the test); HTTP and the real broker are in IngestHttpIT. */
class IngestHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Serializer<Object> NO_VALUE_SERDE = (topic, data) -> new byte[0];

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(), NO_VALUE_SERDE);
    private final IngestConfig config = config(Map.of("ingest.feed.wire.key", "s3cret", "ingest.max.items", "5", "ingest.max.body.bytes", "200000"));
    private final IngestHandler handler = new IngestHandler(config, ParserRegistry.defaults(), producer, new IngestMetrics(meters));

    static IngestConfig config(Map<String, String> entries) {
        Properties p = new Properties();
        p.putAll(entries);
        return IngestConfig.from(p, Map.of());
    }

    private IngestHandler.Response post(String auth, String contentType, String encoding, byte[] body) {
        return handler.handle(new IngestHandler.Request(auth, contentType, encoding, (long) body.length, body));
    }

    @Test
    void acceptsAnRssFeedAndAnswersTheIdsAfterTheAcks() throws Exception {
        IngestHandler.Response r = post("Bearer s3cret", "application/rss+xml", null, Fixtures.bytes("feed/windows-1251.rss"));
        assertThat(r.status()).isEqualTo(202);
        JsonNode body = JSON.readTree(r.json());
        assertThat(body.get("ids")).extracting(JsonNode::asText).containsExactly("ru-1", "ru-2");
        List<ProducerRecord<String, Object>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::topic).containsOnly("news.articles.raw");
        assertThat(sent).extracting(ProducerRecord::key).containsExactly("ru-1", "ru-2");
        Article a = (Article) sent.get(0).value();
        assertThat(a.getFeed()).isEqualTo("wire");
        assertThat(a.getReceivedAt()).isNotNull();
        assertThat(meters.get("newsflow.ingest.items.accepted").tags("feed", "wire", "format", "rss").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("newsflow.ingest.produce.latency").timer().count()).isEqualTo(1);
    }

    @Test
    void aHeadlineOnlyItemWithoutTimesIsAcceptedWithTheReceivedTimeAsItsEventTime() throws Exception {
        byte[] flash = "{\"uri\":\"urn:x:flash-1\",\"type\":\"text\",\"headlines\":[{\"role\":\"main\",\"value\":\"Quake hits Crete\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        IngestHandler.Response r = post("Bearer s3cret", "application/json", null, flash);
        assertThat(r.status()).as(r.json()).isEqualTo(202);
        Article a = (Article) producer.history().get(0).value();
        assertThat(a.getCreated()).isNull();
        assertThat(a.getUpdated()).isNull();
        assertThat(a.getReceivedAt()).isNotNull();
        assertThat(a.getEventTimeFrom()).isEqualTo("received");
    }

    @Test
    void anItemThePipelineCouldNotFinishIsRefusedAtTheDoorWith422AndTheReason() throws Exception {
        byte[] noHeadline = "{\"uri\":\"urn:x:nohead-1\",\"type\":\"text\",\"versioncreated\":\"2026-12-04T04:00:00Z\",\"body_text\":\"Text only.\"}"
                .getBytes(StandardCharsets.UTF_8);
        IngestHandler.Response r = post("Bearer s3cret", "application/json", null, noHeadline);
        assertThat(r.status()).as(r.json()).isEqualTo(422);
        JsonNode rejected = JSON.readTree(r.json()).get("rejected").get(0);
        assertThat(rejected.get("id").asText()).isEqualTo("urn:x:nohead-1");
        assertThat(rejected.get("field").asText()).isEqualTo("headline");
        assertThat(rejected.get("reason").asText()).contains("headline");
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsExactly("news.deadletter");
        assertThat(((DeadLetter) producer.history().get(0).value()).getReason().toString()).contains("headline");
    }

    @Test
    void aFeedThatDeclaresItsNinjsVersionIsValidatedAgainstThatVersionOnly() throws Exception {
        IngestHandler versioned = new IngestHandler(config(Map.of("ingest.feed.tt.key", "k-tt", "ingest.feed.tt.ninjs.version", "2.1",
                "ingest.feed.guess.key", "k-guess")), ParserRegistry.defaults(), producer, new IngestMetrics(meters));
        byte[] good21 = ("{\"uri\":\"urn:x:21\",\"type\":\"text\",\"versioncreated\":\"2026-12-04T04:00:00Z\","
                + "\"headlines\":[{\"role\":\"main\",\"value\":\"Storm closes ports\"}],"
                + "\"associations\":[{\"name\":\"pic\",\"uri\":\"urn:x:pic\",\"type\":\"picture\"}]}").getBytes(StandardCharsets.UTF_8);
        byte[] bad21 = Fixtures.bytes("ninjs/iptc-suite-2.1-fail-001_bad_association.json");
        // without a declared version the item passes as some other 2.x
        assertThat(versioned.handle(new IngestHandler.Request("Bearer k-guess", "application/json", null, (long) bad21.length, bad21))
                .status()).isEqualTo(202);
        IngestHandler.Response good = versioned.handle(new IngestHandler.Request("Bearer k-tt", "application/json", null, (long) good21.length, good21));
        assertThat(good.status()).as(good.json()).isEqualTo(202);
        IngestHandler.Response bad = versioned.handle(new IngestHandler.Request("Bearer k-tt", "application/json", null, (long) bad21.length, bad21));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(JSON.readTree(bad.json()).get("rejected").get(0).get("reason").asText()).contains("not valid ninjs 2.1");
    }

    @Test
    void anUnknownNinjsVersionFailsAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config(Map.of("ingest.feed.tt.key", "k", "ingest.feed.tt.ninjs.version", "2.7")))
                .hasMessageContaining("ingest.feed.tt.ninjs.version").hasMessageContaining("no ninjs schema 2.7");
    }

    @Test
    void missingKeyIs401AndWrongKeyIs403WithNothingProduced() {
        IngestHandler.Response none = post(null, "application/json", null, Fixtures.bytes("ninjs/iptc-2.1-simple-text.json"));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers()).containsEntry("WWW-Authenticate", "Bearer");
        assertThat(post("Basic abc", "application/json", null, new byte[1]).status()).isEqualTo(401);
        assertThat(post("Bearer wrong", "application/json", null, new byte[1]).status()).isEqualTo(403);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void oneBadItemIsDeadLetteredAndTheOthersAccepted() throws Exception {
        byte[] payload = Fixtures.bytes("ninjs/array-one-bad.json");
        IngestHandler.Response r = post("Bearer s3cret", "application/json", null, payload);
        assertThat(r.status()).isEqualTo(202);
        JsonNode body = JSON.readTree(r.json());
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").get(0).get("id").asText()).isEqualTo("urn:example:ninjs:bad-2");
        assertThat(body.get("rejected").get(0).get("field").asText()).isEqualTo("type");
        List<ProducerRecord<String, Object>> letters = producer.history().stream().filter(p -> p.topic().equals("news.deadletter")).toList();
        assertThat(letters).hasSize(1);
        DeadLetter d = (DeadLetter) letters.get(0).value();
        assertThat(d.getItemId()).isEqualTo("urn:example:ninjs:bad-2");
        assertThat(d.getReason()).contains("not valid ninjs");
        assertThat(StandardCharsets.UTF_8.decode(d.getPayload()).toString()).contains("not-a-type");
        assertThat(d.getFeed()).isEqualTo("wire");
        assertThat(d.getStage()).isEqualTo("ingest");
        // the headers every stage's dead letters carry; a letter from a request has no source record
        assertThat(new String(letters.get(0).headers().lastHeader("newsflow.dlq.stage").value())).isEqualTo("ingest");
        assertThat(letters.get(0).headers().lastHeader("newsflow.dlq.error.type")).isNotNull();
        assertThat(letters.get(0).headers().lastHeader("newsflow.dlq.source.topic")).isNull();
    }

    @Test
    void malformedDocumentIs400NamingTheLineAndTheRawBytesAreDeadLettered() throws Exception {
        byte[] payload = Fixtures.bytes("bad/malformed.xml");
        IngestHandler.Response r = post("Bearer s3cret", "application/xml", null, payload);
        assertThat(r.status()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.json());
        assertThat(body.get("message").asText()).contains("line 5").contains("malformed XML");
        DeadLetter d = (DeadLetter) producer.history().get(0).value();
        assertThat(d.getPayload().array()).isEqualTo(payload);
        assertThat(d.getLocation()).startsWith("line 5");
    }

    @Test
    void unsupportedContentTypeIs415() throws Exception {
        IngestHandler.Response r = post("Bearer s3cret", "image/png", null, new byte[]{1, 2, 3});
        assertThat(r.status()).isEqualTo(415);
        assertThat(JSON.readTree(r.json()).get("message").asText()).contains("image/png");
        assertThat(producer.history()).singleElement().satisfies(p -> assertThat(p.topic()).isEqualTo("news.deadletter"));
    }

    @Test
    void everyItemInvalidIs422() throws Exception {
        IngestHandler.Response r = post("Bearer s3cret", "application/json", null, Fixtures.bytes("ninjs/iptc-suite-3.0-fail-001_bad_geojson.json"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(JSON.readTree(r.json()).get("rejected").get(0).get("field").asText()).isEqualTo("places[0].geojson");
    }

    @Test
    void gzipBodiesAreAcceptedAndBounded() throws Exception {
        byte[] plain = Fixtures.bytes("feed/atom-three-entries.atom");
        IngestHandler.Response ok = post("Bearer s3cret", "application/atom+xml", "gzip", gzip(plain));
        assertThat(ok.status()).isEqualTo(202);
        IngestHandler.Response bomb = post("Bearer s3cret", "application/atom+xml", "gzip", gzip(new byte[5_000_000]));
        assertThat(bomb.status()).isEqualTo(413);
        assertThat(JSON.readTree(bomb.json()).get("message").asText()).contains("more than 200000 bytes");
    }

    @Test
    void bodyAndItemLimits() throws Exception {
        assertThat(handler.handle(new IngestHandler.Request("Bearer s3cret", "application/json", null, 300_000L, new byte[10])).status())
                .isEqualTo(413);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 6; i++) many.append(i == 0 ? "" : ",").append("{\"uri\":\"urn:n:").append(i).append("\"}");
        IngestHandler.Response r = post("Bearer s3cret", "application/json", null, many.append("]").toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(413);
        assertThat(JSON.readTree(r.json()).get("message").asText()).isEqualTo("6 items in one request, the limit is 5");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void kafkaFailureIs503WithRetryAfterNeverA2xx() {
        MockProducer<String, Object> failing = new MockProducer<>(false, null, new StringSerializer(), NO_VALUE_SERDE);
        IngestHandler h = new IngestHandler(config, ParserRegistry.defaults(), failing, new IngestMetrics(meters));
        Thread failer = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (failing.errorNext(new TimeoutException("broker down"))) continue;
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        failer.start();
        try {
            IngestHandler.Response r = h.handle(new IngestHandler.Request("Bearer s3cret", "application/rss+xml", null, null,
                    Fixtures.bytes("feed/windows-1251.rss")));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.headers()).containsEntry("Retry-After", "5");
            assertThat(r.json()).contains("broker down");
        } finally {
            failer.interrupt();
        }
    }

    private static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }
}
