package io.newsflow.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.EnrichService;
import io.newsflow.enrich.app.StandardCountryTagging;
import io.newsflow.ingest.http.IngestService;
import io.newsflow.publish.PublisherService;
import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.deadletter.DeadLetterReport;
import io.newsflow.schemas.serde.KafkaAvroDeserializer;
import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * One dead letter from each stage, on the real broker, into the one dead-letter topic as deployed: ingest refuses a
 * document it cannot parse, enrich a raw record it cannot decode, publish an enriched record it cannot decode. Read
 * back, the three carry the same fields and headers (one builder, {@link DeadLetterReport}), the original bytes
 * untouched, and, where the bytes came from a topic, where exactly.
 */
class DeadLettersFromEveryStageTest {
    private static final String KEY = "dl-" + Long.toHexString(System.nanoTime());
    private final String base = TestKafka.uniqueTopic("dl");
    private final String raw = base + ".raw";
    private final String enriched = base + ".enriched";
    private final String deadLetters = base + ".deadletter";
    private final Path workDir = Path.of("target", "e2e", base);

    @Test
    void everyStageWritesTheSameDeadLetter() throws Exception {
        TestKafka.createTopics(1, raw, enriched, deadLetters, base + ".trending");
        byte[] badDocument = "<rss><channel><item><title>cut off".getBytes(StandardCharsets.UTF_8);
        byte[] badRaw = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
        byte[] badEnriched = {0, 0, 0, 0, 9, (byte) 0xff};
        Instant before = Instant.now().minusSeconds(1);
        EnrichConfig enrichConfig = E2eConfigs.enrich(base + "-enrich", workDir.resolve("enrich-state"), raw, enriched,
                base + ".trending").withTopicContract(EnrichConfig.defaults().topicContract()
                .withName(TopicContract.Role.DEADLETTER, deadLetters));
        try (EnrichService enrich = EnrichService.start(enrichConfig, new StandardCountryTagging());
             IngestService ingest = IngestService.start(E2eConfigs.ingest("dl", KEY, raw, deadLetters));
             PublisherService publish = new PublisherService(publisherConfig()).start()) {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ingest.port() + "/v1/articles"))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/rss+xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(badDocument)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
            RecordMetadata rawAt = produce(raw, badRaw);
            RecordMetadata enrichedAt = produce(enriched, badEnriched);

            KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
            avro.configure(Map.of("schema.registry.url", TestSchemaRegistry.url(), "specific.avro.reader", true), false);
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
                Map<String, ConsumerRecord<String, Object>> byStage = new TreeMap<>();
                for (ConsumerRecord<String, Object> r : TestKafka.readAll(deadLetters, new StringDeserializer(), avro)) {
                    byStage.put(((DeadLetter) r.value()).getStage().split("/")[0], r);
                }
                assertThat(byStage).containsOnlyKeys("ingest", "enrich", "publish");

                for (var e : byStage.entrySet()) {
                    DeadLetter d = (DeadLetter) e.getValue().value();
                    assertThat(d.getReason()).as("%s reason", e.getKey()).isNotBlank();
                    assertThat(d.getErrorType()).as("%s error type", e.getKey()).isNotBlank();
                    assertThat(d.getAt()).as("%s at", e.getKey()).isAfter(before);
                    // the same headers from every stage, saying what the value says
                    assertThat(header(e.getValue(), DeadLetterReport.HEADER_STAGE)).isEqualTo(d.getStage());
                    assertThat(header(e.getValue(), DeadLetterReport.HEADER_ERROR_TYPE)).isEqualTo(d.getErrorType());
                }
                DeadLetter fromIngest = (DeadLetter) byStage.get("ingest").value();
                assertThat(fromIngest.getPayload().array()).isEqualTo(badDocument);
                assertThat(fromIngest.getFeed()).isEqualTo("dl");
                assertThat(fromIngest.getSourceTopic()).as("from HTTP, no topic").isNull();
                assertThat(header(byStage.get("ingest"), DeadLetterReport.HEADER_SOURCE_TOPIC)).isNull();

                assertFrom(byStage.get("enrich"), badRaw, rawAt);
                assertFrom(byStage.get("publish"), badEnriched, enrichedAt);
            });
        }
    }

    private static void assertFrom(ConsumerRecord<String, Object> r, byte[] bytes, RecordMetadata at) {
        DeadLetter d = (DeadLetter) r.value();
        assertThat(d.getPayload().array()).as("%s payload", d.getStage()).isEqualTo(bytes);
        assertThat(d.getSourceTopic()).isEqualTo(at.topic());
        assertThat(d.getSourcePartition()).isEqualTo(at.partition());
        assertThat(d.getSourceOffset()).isEqualTo(at.offset());
        assertThat(header(r, DeadLetterReport.HEADER_SOURCE_TOPIC)).isEqualTo(at.topic());
        assertThat(header(r, DeadLetterReport.HEADER_SOURCE_PARTITION)).isEqualTo(Integer.toString(at.partition()));
        assertThat(header(r, DeadLetterReport.HEADER_SOURCE_OFFSET)).isEqualTo(Long.toString(at.offset()));
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static RecordMetadata produce(String topic, byte[] value) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", TestKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, "broken-1", value)).get();
        }
    }

    private PublisherConfig publisherConfig() {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", TestKafka.bootstrapServers());
        p.setProperty("schema.registry.url", TestSchemaRegistry.url());
        p.setProperty("publish.group.id", base + "-publish");
        p.setProperty("topics.name.enriched", enriched);
        for (String role : List.of("articles", "articles.json", "latest")) {
            p.setProperty("publish.topic." + role, base + "." + role);
        }
        p.setProperty("topics.name.country.prefix", base + ".country.");
        p.setProperty("topics.name.deadletter", deadLetters);
        p.setProperty("publish.health.port", "-1");
        return PublisherConfig.fromProperties(p);
    }
}
