package io.newsflow.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.publish.config.PublishTopics;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PublicationStatus;
import io.newsflow.schemas.serde.SpecificAvroSerde;
import io.newsflow.testkit.TestSchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The publish service on the real broker and registry: every downstream topic, exactly once. */
class PublisherKafkaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void finishedArticlesReachEveryTopicOnceAndTheRestIsDeadLettered() throws Exception {
        PublishTopicsFixture f = new PublishTopicsFixture("pub-e2e");
        PublishTopics t = f.topics;
        List<EnrichedArticle> input = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            input.add(Fixtures.enriched("e2e-" + i).build());
        }
        input.add(Fixtures.enriched("e2e-nostory").setStoryId(null).build());
        input.add(Fixtures.enriched("e2e-0").setArticle(Fixtures.article("e2e-0").setVersion(2L)
                .setStatus(PublicationStatus.WITHDRAWN).build()).build());
        input.add(Fixtures.enriched("e2e-fr").setCountries(List.of(Fixtures.tag("FR", CountryRole.FOCUS, 0.8)))
                .build());
        f.produce(input);
        f.produceRaw("junk-key", "not avro at all".getBytes());

        try (PublisherService service = new PublisherService(f.config().build()).start()) {
            // one transaction's records reach each topic's partitions as its markers do, and the metrics move just
            // after the commit: everything asserted is waited for together; a record doubled keeps failing to the end
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                List<ConsumerRecord<String, EnrichedArticle>> articles = f.readArticles(t.articles());
                assertThat(articles).hasSize(42);
                assertThat(articles.stream().filter(r -> r.key().equals("e2e-0")).map(r -> r.value().getArticle()
                        .getStatus())).as("order per article kept").containsExactly(PublicationStatus.USABLE,
                        PublicationStatus.WITHDRAWN);
                assertThat(articles.stream().map(ConsumerRecord::key).distinct()).hasSize(41);

                List<ConsumerRecord<String, byte[]>> json = f.readBytes(t.articlesJson());
                assertThat(json).hasSize(42);
                JsonNode one = JSON.readTree(json.stream().filter(r -> r.key().equals("e2e-7")).findFirst()
                        .orElseThrow().value());
                assertThat(one.get("id").asText()).isEqualTo("e2e-7");
                assertThat(one.get("story_id").asText()).isEqualTo("story-e2e-7");
                assertThat(one.get("countries").get(0).get("role").asText()).isEqualTo("focus");

                assertThat(f.readBytes(t.country("BD")).stream().map(ConsumerRecord::key).distinct()).hasSize(40);
                assertThat(f.readBytes(t.country("FR"))).extracting(ConsumerRecord::key).containsExactly("e2e-fr");

                List<ConsumerRecord<String, byte[]>> latest = f.readBytes(t.latest());
                assertThat(latest.stream().filter(r -> r.key().equals("e2e-0")).map(r -> r.value() == null))
                        .as("withdrawal tombstones the latest view").containsExactly(false, true);
                // the latest view's values carry news.articles' encoding with their own subject's schema id: they
                // decode through the registry to the same articles
                java.util.Map<String, EnrichedArticle> published = new java.util.HashMap<>();
                f.readArticles(t.articles()).forEach(r -> published.put(r.key() + "@" + r.value().getArticle().getVersion(), r.value()));
                List<ConsumerRecord<String, EnrichedArticle>> latestDecoded = f.readArticles(t.latest());
                assertThat(latestDecoded.stream().filter(r -> r.value() != null).count()).isGreaterThan(30);
                assertThat(latestDecoded).filteredOn(r -> r.value() != null).allSatisfy(r -> assertThat(r.value())
                        .isEqualTo(published.get(r.key() + "@" + r.value().getArticle().getVersion())));

                SpecificAvroSerde<DeadLetter> dl = new SpecificAvroSerde<>();
                dl.configure(Map.of("schema.registry.url", TestSchemaRegistry.url(), "specific.avro.reader", true), false);
                List<DeadLetter> letters = f.readBytes(t.deadLetter()).stream()
                        .map(r -> dl.deserializer().deserialize(t.deadLetter(), r.value())).toList();
                assertThat(letters).hasSize(2);
                assertThat(letters).anySatisfy(l -> {
                    assertThat(l.getItemId()).isEqualTo("e2e-nostory");
                    assertThat(l.getReason()).contains("story_id");
                });
                assertThat(letters).anySatisfy(l -> {
                    assertThat(l.getReason()).startsWith("cannot decode EnrichedArticle");
                    assertThat(new String(l.getPayload().array())).isEqualTo("not avro at all");
                });

                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.healthPort() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"service\":\"publish\"", "\"status\":\"UP\"");
                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.healthPort() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertThat(metrics).containsPattern(
                                "newsflow_publish_articles_published_total\\{instance=\"[^\"]+\",service=\"publish\"} 42.0")
                        .contains("jvm_memory_used_bytes")
                        // the Kafka clients' own metrics, bound to the same registry
                        .contains("kafka_consumer_fetch_manager_records_consumed_total", "kafka_producer_record_send_total");
            });
        }
    }

    static <V> Map<String, Long> countByKey(List<ConsumerRecord<String, V>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    static Map<String, Long> ones(List<String> keys) {
        return keys.stream().collect(Collectors.toMap(Function.identity(), k -> 1L));
    }
}
