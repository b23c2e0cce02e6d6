package io.newsflow.enrich.app;

import static io.newsflow.enrich.NewsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.CountryTagging;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendingList;
import io.newsflow.schemas.serde.SpecificAvroSerde;
import io.newsflow.stack.Ports;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The enrich service on the real broker and the real schema registry. */
class EnrichServiceKafkaTest {
    static final Instant T0 = Instant.parse("2026-03-03T06:00:00Z");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    /** The real registry from the testkit: the feature is proven on a real Confluent-API server, never a fake. */
    static String registryUrl() {
        return TestSchemaRegistry.url();
    }

    private static EnrichConfig config(String appId, String suffix) throws Exception {
        String raw = "raw-" + suffix;
        TestKafka.createTopics(3, raw);
        return EnrichConfig.defaults()
                .withBootstrap(TestKafka.bootstrapServers(), registryUrl())
                .withTopics(raw, "enriched-" + suffix, "trending-" + suffix, "engagement-" + suffix)
                .withInstance(appId, Files.createTempDirectory("enrich-it").toString(), Ports.freePort());
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> serde() {
        SpecificAvroSerde<T> s = new SpecificAvroSerde<>();
        s.configure(Map.of("schema.registry.url", registryUrl()), false);
        return s;
    }

    private static void produce(String topic, List<Article> articles) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        Serde<Article> serde = serde();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(p, new StringSerializer(), serde.serializer())) {
            for (Article a : articles) producer.send(new ProducerRecord<>(topic, a.getId(), a));
            producer.flush();
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("http_status", r.statusCode());
        return body;
    }

    private static List<Article> newsDay() {
        return List.of(
                article("q-reuters", "Reuters", QUAKE_WIRE_A, T0, List.of("TR")),
                article("q-ap", "AP", QUAKE_WIRE_B, T0.plusSeconds(600), List.of("TR")),
                article("q-afp", "AFP", QUAKE_WIRE_C, T0.plusSeconds(1200), List.of("TR")),
                article("q-reuters", "Reuters", QUAKE_WIRE_A, T0, List.of("TR")), // unchanged re-send
                article("r-court", "AP", RUSSIA_COURT, T0.plusSeconds(1300), List.of("RU")));
    }

    @Test
    void enrichesEndToEndExactlyOnceAndPublishesAndServesTrending() throws Exception {
        EnrichConfig cfg = config("enrich-it-" + ProcessHandle.current().pid() + "-e2e", "e2e-" + System.nanoTime());
        try (EnrichService service = EnrichService.start(cfg, CountryTagging.declaredOnly())) {
            byte[] garbage = "{\"not\": \"avro\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            produceBytes(cfg.rawTopic(), "broken-1", garbage);
            produce(cfg.rawTopic(), newsDay());
            Serde<EnrichedArticle> enrichedSerde = serde();
            List<ConsumerRecord<String, EnrichedArticle>> out = TestKafka.awaitRecords(cfg.enrichedTopic(), 4,
                    Duration.ofSeconds(120), new StringDeserializer(), enrichedSerde.deserializer());
            assertThat(out).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("q-reuters", "q-ap", "q-afp", "r-court");
            Map<String, String> story = out.stream().collect(Collectors.toMap(ConsumerRecord::key, r -> r.value().getStoryId()));
            assertThat(story.get("q-ap")).isEqualTo(story.get("q-reuters")).isEqualTo(story.get("q-afp"));
            assertThat(story.get("r-court")).isNotEqualTo(story.get("q-ap"));
            assertThat(out).allSatisfy(r -> assertThat(r.value().getTrendingScore()).isPositive());

            Serde<TrendingList> trendingSerde = serde();
            await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<ConsumerRecord<String, TrendingList>> lists = TestKafka.readAll(cfg.trendingTopic(),
                        new StringDeserializer(), trendingSerde.deserializer());
                // an assertion, not orElseThrow: awaitility retries only on assertion errors, and the first list
                // may not be out yet
                var latestGlobal = lists.stream().filter(r -> r.key().equals("global")).reduce((a, b) -> b);
                assertThat(latestGlobal).as("a global list on %s", cfg.trendingTopic()).isPresent();
                TrendingList global = latestGlobal.get().value();
                assertThat(global.getEntries()).isNotEmpty();
                assertThat(global.getEntries().get(0).getStoryId()).isEqualTo(story.get("q-ap"));
                assertThat(global.getEntries().get(0).getArticles()).isEqualTo(3);
            });
            await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode tr = get(service.baseUrl() + "/trending?region=TR");
                assertThat(tr.get("http_status").asInt()).isEqualTo(200);
                assertThat(tr.path("entries").path(0).path("story_id").asText()).isEqualTo(story.get("q-ap"));
            });
            assertThat(get(service.baseUrl() + "/trending?region=russia").get("http_status").asInt()).isEqualTo(400);
            assertThat(get(service.baseUrl() + "/health").get("status").asText()).isEqualTo("UP");
            assertThat(get(service.baseUrl() + "/health").get("service").asText()).isEqualTo("enrich");
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            // the processors count on the service's registry (no global one): the same tags as its own meters
            assertThat(metrics).containsPattern("newsflow_enrich_stories_total\\{instance=\"[^\"]+\",outcome=\"joined\",service=\"enrich\"} [1-9]")
                    .contains("jvm_memory_used_bytes");

            // the unreadable record went to the dead-letter topic, untouched and explained; the rest went on
            Serde<DeadLetter> deadSerde = serde();
            await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, DeadLetter>> records = TestKafka.readAll(Topics.DEADLETTER, new StringDeserializer(),
                                deadSerde.deserializer())
                        .stream().filter(r -> cfg.rawTopic().equals(r.value().getSourceTopic())).toList();
                assertThat(records).hasSize(1);
                DeadLetter d = records.get(0).value();
                // the headers every stage's dead letters carry, read back from the broker
                assertThat(new String(records.get(0).headers().lastHeader("newsflow.dlq.stage").value())).isEqualTo("enrich");
                assertThat(new String(records.get(0).headers().lastHeader("newsflow.dlq.source.topic").value()))
                        .isEqualTo(cfg.rawTopic());
                assertThat(d.getStage()).isEqualTo("enrich");
                assertThat(d.getItemId()).isEqualTo("broken-1");
                assertThat(d.getReason()).contains(cfg.rawTopic()).contains("offset " + d.getSourceOffset());
                byte[] payload = new byte[d.getPayload().remaining()];
                d.getPayload().get(payload);
                assertThat(payload).isEqualTo(garbage);
            });
        }
    }

    private static void produceBytes(String topic, String key, byte[] value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    @Test
    void twoInstancesSharingThePartitionsBothAnswerForAnyRegion() throws Exception {
        String appId = "enrich-it-" + ProcessHandle.current().pid() + "-iq";
        String suffix = "iq-" + System.nanoTime();
        EnrichConfig first = config(appId, suffix);
        EnrichConfig second = first.withInstance(appId, Files.createTempDirectory("enrich-it").toString(), Ports.freePort());
        try (EnrichService a = EnrichService.start(first, CountryTagging.declaredOnly());
             EnrichService b = EnrichService.start(second, CountryTagging.declaredOnly())) {
            produce(first.rawTopic(), newsDay());
            for (String region : List.of("global", "RU", "TR")) {
                await().ignoreExceptions().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                    JsonNode fromA = get(a.baseUrl() + "/trending?region=" + region);
                    JsonNode fromB = get(b.baseUrl() + "/trending?region=" + region);
                    assertThat(fromA.get("http_status").asInt()).isEqualTo(200);
                    assertThat(fromB.get("http_status").asInt()).isEqualTo(200);
                    assertThat(fromA.get("entries")).isNotEmpty();
                    assertThat(fromA.get("entries")).isEqualTo(fromB.get("entries"));
                    // one instance owns the lists; the other forwarded to it
                    assertThat(fromA.get("served_by")).isEqualTo(fromB.get("served_by"));
                });
            }
            // the stream work itself is shared: both instances run tasks
            await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(a.streams().metadataForLocalThreads()).flatExtracting(t -> t.activeTasks()).isNotEmpty();
                assertThat(b.streams().metadataForLocalThreads()).flatExtracting(t -> t.activeTasks()).isNotEmpty();
            });
        }
    }
}
