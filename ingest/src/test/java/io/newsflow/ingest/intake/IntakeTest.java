package io.newsflow.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.Fixtures;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.http.IngestMetrics;
import io.newsflow.schemas.avro.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Ingest's core without HTTP: what each document becomes, as a type, and what reaches the dead-letter topic. */
class IntakeTest {
    private final MockProducer<String, Object> producer =
            new MockProducer<>(true, null, new StringSerializer(), (t, d) -> new byte[0]);
    private final Intake intake = intake(new Properties());

    @Test
    void aRefusedDocumentSaysWhyByKindAndItsBytesAreDeadLettered() {
        byte[] malformed = Fixtures.bytes("bad/malformed.xml");
        assertThat(take("application/rss+xml", null, malformed)).isInstanceOfSatisfying(IntakeOutcome.Refused.class, r -> {
            assertThat(r.refusal()).isEqualTo(Refusal.UNPARSEABLE);
            assertThat(r.location()).isNotNull();
        });
        assertThat(kindOf(take("image/png", null, new byte[] {1, 2}))).isEqualTo(Refusal.UNSUPPORTED_MEDIA_TYPE);
        assertThat(kindOf(take("application/json", "br", "{}".getBytes()))).isEqualTo(Refusal.UNSUPPORTED_ENCODING);
        // gzip's magic bytes, then nothing gzip can read
        byte[] brokenGzip = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4};
        assertThat(kindOf(take("application/json", "gzip", brokenGzip))).isEqualTo(Refusal.UNREADABLE_GZIP);

        assertThat(producer.history()).hasSize(4).allSatisfy(r -> assertThat(r.topic()).isEqualTo("news.deadletter"));
        DeadLetter first = (DeadLetter) producer.history().get(0).value();
        assertThat(first.getErrorType()).isEqualTo("bad_request");
        assertThat(first.getPayload().array()).isEqualTo(malformed);
        assertThat(((DeadLetter) producer.history().get(1).value()).getErrorType()).isEqualTo("unsupported_media_type");
    }

    @Test
    void boundsASenderCouldAmplifyAreRefusedWithoutADeadLetter() {
        Properties p = new Properties();
        p.setProperty("ingest.max.body.bytes", "100");
        p.setProperty("ingest.max.items", "2");
        Intake small = intake(p);
        assertThat(kindOf(small.take(delivery("application/json", null, new byte[101])))).isEqualTo(Refusal.TOO_LARGE);
        String many = "[" + "{},".repeat(9) + "{}]";
        assertThat(kindOf(small.take(delivery("application/json", null, many.getBytes())))).isEqualTo(Refusal.TOO_MANY_ITEMS);
        assertThat(kindOf(small.take(delivery("application/json", null, new byte[0])))).isEqualTo(Refusal.EMPTY);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void aStoredDocumentListsTheAcceptedArticlesAndEachRefusedItem() {
        IntakeOutcome outcome = take("application/json", null, Fixtures.bytes("ninjs/array-one-bad.json"));
        assertThat(outcome).isInstanceOfSatisfying(IntakeOutcome.Stored.class, s -> {
            assertThat(s.format()).startsWith("ninjs");
            assertThat(s.accepted()).isNotEmpty().allSatisfy(a -> assertThat(a.getFeed()).isEqualTo("wire"));
            assertThat(s.refused()).hasSize(1);
        });
        IntakeOutcome.Stored s = (IntakeOutcome.Stored) outcome;
        assertThat(producer.history()).hasSize(s.accepted().size() + 1);
    }

    @Test
    void kafkaNotAcknowledgingIsUnavailableNotARefusal() {
        MockProducer<String, Object> failing = new MockProducer<>(false, null, new StringSerializer(), (t, d) -> new byte[0]);
        Properties p = new Properties();
        p.setProperty("ingest.produce.timeout.ms", "50");
        Intake down = Intake.of(IngestConfig.from(p, Map.of()), ParserRegistry.defaults(), failing,
                new IngestMetrics(new SimpleMeterRegistry()));
        assertThat(down.take(delivery("image/png", null, new byte[] {1}))).isInstanceOf(IntakeOutcome.Unavailable.class);
        assertThat(down.take(delivery("application/json", null, Fixtures.bytes("ninjs/iptc-2.1-simple-text.json"))))
                .isInstanceOf(IntakeOutcome.Unavailable.class);
    }

    @Test
    void itemsAreCountedCheaplyBeforeParsing() {
        assertThat(ItemCount.upTo("<rss><channel><item>a</item><itemx/><item\n/></channel></rss>".getBytes(), 10)).isEqualTo(2);
        assertThat(ItemCount.upTo("[{\"a\":[1,2,3]},{}, 7]".getBytes(StandardCharsets.UTF_8), 10)).isEqualTo(3);
    }

    private Intake intake(Properties p) {
        return Intake.of(IngestConfig.from(p, Map.of()), ParserRegistry.defaults(), producer,
                new IngestMetrics(new SimpleMeterRegistry()));
    }

    private IntakeOutcome take(String contentType, String encoding, byte[] body) {
        return intake.take(delivery(contentType, encoding, body));
    }

    private static Delivery delivery(String contentType, String encoding, byte[] body) {
        return new Delivery("wire", "wire", Delivery.Origin.PUSH, "req-1", contentType, encoding, null, body);
    }

    private static Refusal kindOf(IntakeOutcome outcome) {
        assertThat(outcome).isInstanceOf(IntakeOutcome.Refused.class);
        return ((IntakeOutcome.Refused) outcome).refusal();
    }
}
