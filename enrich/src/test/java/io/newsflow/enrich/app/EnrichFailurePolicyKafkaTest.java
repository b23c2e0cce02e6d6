package io.newsflow.enrich.app;

import static io.newsflow.enrich.NewsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.CountryTagging;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.serde.SpecificAvroSerde;
import io.newsflow.stack.Ports;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** enrich's failure policy on the real broker and registry: a record a processor throws on, a thread that keeps failing. */
class EnrichFailurePolicyKafkaTest {
    static final Instant T0 = Instant.parse("2026-03-03T06:00:00Z");

    private static EnrichConfig config(String suffix, Properties extra) throws Exception {
        String raw = "raw-" + suffix;
        TestKafka.createTopics(1, raw);
        return EnrichConfig.fromProperties(extra)
                .withBootstrap(TestKafka.bootstrapServers(), TestSchemaRegistry.url())
                .withTopics(raw, "enriched-" + suffix, "trending-" + suffix, "engagement-" + suffix)
                .withInstance("enrich-fail-" + suffix, Files.createTempDirectory("enrich-fail").toString(), Ports.freePort());
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> serde() {
        SpecificAvroSerde<T> s = new SpecificAvroSerde<>();
        s.configure(Map.of("schema.registry.url", TestSchemaRegistry.url()), false);
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

    @Test
    void whileTheRegistryIsAwayRecordsWaitForItAndNoneIsDeadLettered() throws Exception {
        String suffix = "registry-away-" + System.nanoTime();
        io.newsflow.stack.HttpFront registry = io.newsflow.stack.HttpFront.forTarget(TestSchemaRegistry.url()).start();
        int port = registry.port();
        Properties p = new Properties();
        p.setProperty("schema.registry.retry.max.ms", "500"); // the client gives up fast: enrich's policy is what waits
        EnrichConfig cfg = EnrichConfig.fromProperties(p)
                .withBootstrap(TestKafka.bootstrapServers(), registry.url())
                .withTopics("raw-" + suffix, "enriched-" + suffix, "trending-" + suffix, "engagement-" + suffix)
                .withInstance("enrich-fail-" + suffix, Files.createTempDirectory("enrich-fail").toString(), Ports.freePort());
        TestKafka.createTopics(1, cfg.rawTopic());
        List<Article> articles = List.of(article("away-1-" + suffix, "Reuters", QUAKE_WIRE_A, T0, List.of()),
                article("away-2-" + suffix, "AP", RUSSIA_COURT, T0.plusSeconds(60), List.of()),
                article("away-3-" + suffix, "AFP", TURKEY_RATES, T0.plusSeconds(120), List.of()));
        try (EnrichService service = EnrichService.start(cfg, CountryTagging.declaredOnly())) {
            registry.close(); // away before enrich has fetched or registered a single schema
            produce(cfg.rawTopic(), articles);
            Thread.sleep(4_000); // several rounds of the client giving up while it is away
            registry = io.newsflow.stack.HttpFront.forTarget(TestSchemaRegistry.url()).port(port).start();
            Serde<EnrichedArticle> enriched = serde();
            List<ConsumerRecord<String, EnrichedArticle>> out = TestKafka.awaitRecords(cfg.enrichedTopic(), 3,
                    Duration.ofSeconds(120), new StringDeserializer(), enriched.deserializer());
            assertThat(out).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(
                    articles.stream().map(Article::getId).toList());
            Serde<DeadLetter> letters = serde();
            assertThat(TestKafka.readAll(Topics.DEADLETTER, new StringDeserializer(), letters.deserializer()))
                    .as("dead letters of this run").noneMatch(r -> r.value().getItemId() != null
                            && r.value().getItemId().endsWith(suffix));
            assertThat(service.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        } finally {
            registry.close();
        }
    }

    @Test
    void aFeedCanNeitherReplaceNorWithdrawAnotherFeedsArticle() throws Exception {
        String suffix = "foreign-" + System.nanoTime();
        String id = "urn:wire-a:" + suffix;
        EnrichConfig cfg = config(suffix, new Properties());
        Article original = article(id, "wire-a", QUAKE_WIRE_A, T0, List.of());
        Article replaced = Article.newBuilder(original).setFeed("wire-b").setSource("wire-b").setVersion(2L)
                .setHeadline("Quake was a hoax, officials say").setUpdated(T0.plusSeconds(60)).build();
        Article withdrawn = Article.newBuilder(original).setFeed("wire-b").setVersion(3L)
                .setStatus(io.newsflow.schemas.avro.PublicationStatus.WITHDRAWN).setUpdated(T0.plusSeconds(120)).build();
        Article ownUpdate = Article.newBuilder(original).setVersion(2L).setUpdated(T0.plusSeconds(180))
                .setHeadline(QUAKE_WIRE_A.headline() + ": death toll rises").build();
        try (EnrichService service = EnrichService.start(cfg, CountryTagging.declaredOnly())) {
            produce(cfg.rawTopic(), List.of(original, replaced, withdrawn, ownUpdate));
            Serde<EnrichedArticle> enriched = serde();
            Serde<DeadLetter> letters = serde();
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
                List<ConsumerRecord<String, EnrichedArticle>> out = TestKafka.readAll(cfg.enrichedTopic(),
                        new StringDeserializer(), enriched.deserializer());
                // the owner's first version and its own update; nothing of the other feed's
                assertThat(out).extracting(r -> r.value().getArticle().getFeed() + " v" + r.value().getArticle().getVersion()
                        + " " + r.value().getArticle().getStatus()).containsExactly("wire-a v1 USABLE", "wire-a v2 USABLE");
                List<DeadLetter> mine = TestKafka.readAll(Topics.DEADLETTER, new StringDeserializer(), letters.deserializer())
                        .stream().map(ConsumerRecord::value).filter(d -> id.equals(d.getItemId())).toList();
                assertThat(mine).extracting(DeadLetter::getErrorType).containsExactly("foreign_feed", "foreign_feed");
                assertThat(mine.get(0).getReason()).contains("article " + id + " belongs to feed wire-a; feed wire-b may not replace it");
                assertThat(mine.get(1).getReason()).contains("feed wire-b may not withdraw it");
                assertThat(mine).allSatisfy(d -> assertThat(d.getStage()).isEqualTo("enrich/version-gate"));
            });
            assertThat(service.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void aRecordThatMakesAProcessorThrowIsDeadLetteredWithStageAndCauseAndTheRestFlows() throws Exception {
        String suffix = "poison-" + System.nanoTime();
        String poisonId = "poison-" + suffix;
        CountryTagging breaksOnPoison = a -> {
            if (a.getId().equals(poisonId)) throw new IllegalStateException("tagger broke on " + a.getId());
            return List.of();
        };
        EnrichConfig cfg = config(suffix, new Properties());
        try (EnrichService service = EnrichService.start(cfg, breaksOnPoison)) {
            produce(cfg.rawTopic(), List.of(
                    article("before-" + suffix, "Reuters", QUAKE_WIRE_A, T0, List.of()),
                    article(poisonId, "AP", RUSSIA_COURT, T0.plusSeconds(60), List.of()),
                    article("after-" + suffix, "AFP", TURKEY_RATES, T0.plusSeconds(120), List.of())));
            Serde<EnrichedArticle> enriched = serde();
            List<ConsumerRecord<String, EnrichedArticle>> out = TestKafka.awaitRecords(cfg.enrichedTopic(), 2,
                    Duration.ofSeconds(120), new StringDeserializer(), enriched.deserializer());
            assertThat(out).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("before-" + suffix, "after-" + suffix);

            Serde<DeadLetter> letters = serde();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<DeadLetter> mine = TestKafka.readAll(Topics.DEADLETTER, new StringDeserializer(), letters.deserializer())
                        .stream().map(ConsumerRecord::value).filter(d -> poisonId.equals(d.getItemId())).toList();
                assertThat(mine).hasSize(1);
                DeadLetter d = mine.get(0);
                assertThat(d.getStage()).startsWith("enrich/");
                assertThat(d.getReason()).contains("tagger broke on " + poisonId).contains(cfg.rawTopic());
                assertThat(d.getErrorType()).isEqualTo("IllegalStateException");
                assertThat(d.getSourceTopic()).isEqualTo(cfg.rawTopic());
                // the input bytes as read (Confluent wire format: magic byte 0), so the record can be replayed
                assertThat(d.getPayload().remaining()).isGreaterThan(5);
                assertThat(d.getPayload().get(0)).isEqualTo((byte) 0);
            });
            assertThat(service.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void aThreadThatKeepsFailingIsReplacedABoundedNumberOfTimesThenTheServiceStops() throws Exception {
        String suffix = "thread-" + System.nanoTime();
        Properties p = new Properties();
        p.setProperty("enrich.thread.replacements.max", "2");
        // the processing handler is the first line of defence: take it out so the failure reaches the thread
        p.setProperty("processing.exception.handler", "org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler");
        EnrichConfig cfg = config(suffix, p);
        CountryTagging alwaysBroken = a -> { throw new IllegalStateException("tagger is broken for good"); };
        try (EnrichService service = EnrichService.start(cfg, alwaysBroken)) {
            produce(cfg.rawTopic(), List.of(article("any-" + suffix, "Reuters", QUAKE_WIRE_A, T0, List.of())));
            Throwable cause = service.failed().get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(cause).hasStackTraceContaining("tagger is broken for good");
            assertThat(service.streams().state()).isIn(KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR);
        }
    }
}
