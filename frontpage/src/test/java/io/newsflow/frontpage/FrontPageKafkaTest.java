package io.newsflow.frontpage;

import static io.newsflow.frontpage.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.frontpage.http.FrontPageServer;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PublicationStatus;
import io.newsflow.schemas.serde.KafkaAvroSerializer;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The front page against the real broker and the real schema registry, fetched over HTTP. */
class FrontPageKafkaTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String articlesTopic;
    private String trendingTopic;
    private KafkaProducer<String, Object> producer;
    private FrontPageServer page;

    @BeforeEach
    void setUp() {
        articlesTopic = TestKafka.uniqueTopic("news.articles");
        trendingTopic = TestKafka.uniqueTopic("news.trending");
        // one partition: a record that becomes visible proves every earlier one (also the aborted one) was read
        TestKafka.createTopics(1, articlesTopic, trendingTopic);
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "frontpage-test-" + UUID.randomUUID());
        config.put("schema.registry.url", TestSchemaRegistry.url());
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(config, false);
        producer = new KafkaProducer<>(config, new StringSerializer(), values);
        producer.initTransactions();
        page = FrontPageServer.builder()
                .bootstrapServers(TestKafka.bootstrapServers())
                .registryUrl(TestSchemaRegistry.url())
                .articlesTopic(articlesTopic)
                .trendingTopic(trendingTopic)
                .port(0)
                .build()
                .start();
    }

    @AfterEach
    void tearDown() {
        if (page != null) {
            page.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void showsCommittedArticlesAndTrendingListsAndTakesDownWithdrawnOnes() throws Exception {
        EnrichedArticle dhaka = Fixtures.enriched(Fixtures.article("dhaka-1").setHeadline("Floods hit Dhaka")
                .setDateline("DHAKA").setBody("DHAKA - Rain.\n\nSchools shut <b>today</b>.").build(),
                Fixtures.tag("BD", CountryRole.FOCUS, 0.9, "dateline"));
        Article moscowV1 = Fixtures.article("urn:wire:moscow/1").setHeadline("Moscow talks: first take").build();
        Article moscowV2 = Fixtures.article("urn:wire:moscow/1").setVersion(2L)
                .setHeadline("Moscow talks <end> with a deal").setUpdated(T0.plusSeconds(600)).build();
        send(() -> {
            article(dhaka);
            article(Fixtures.enriched(moscowV1, Fixtures.tag("RU", CountryRole.FOCUS, 0.9, "dateline")));
            article(Fixtures.enriched(moscowV2, Fixtures.tag("RU", CountryRole.FOCUS, 0.9, "dateline")));
            producer.send(new ProducerRecord<>(trendingTopic, "global",
                    Fixtures.trending("global", T0, "story-dhaka-1", "Floods hit Dhaka", "s2", "Markets rally")));
            producer.send(new ProducerRecord<>(trendingTopic, "BD",
                    Fixtures.trending("BD", T0, "story-dhaka-1", "Floods hit Dhaka")));
        });
        producer.beginTransaction();
        article(Fixtures.withHeadline("aborted-1", "Story from an aborted transaction", T0.plusSeconds(900)));
        producer.flush();
        producer.abortTransaction();
        send(() -> article(Fixtures.withHeadline("marker-1", "Marker story after the abort", T0.plusSeconds(30))));

        // articles and trending lists come from two topics read apart: the page is waited for until it shows all of it
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String front = get("/").body();
            assertThat(front).contains("Marker story after the abort", "Floods hit Dhaka", "Moscow talks &lt;end&gt; with a deal",
                            "Example Wire | DHAKA | Updated: 18-02-2026 14:55 BDT")
                    .doesNotContain("first take", "Story from an aborted transaction");
            assertThat(front.indexOf("Moscow talks &lt;end&gt;")).isLessThan(front.indexOf("Marker story"));
            String box = front.substring(front.indexOf("<aside class=\"trending\">"));
            assertThat(box).contains("<h3>Global</h3>", "<h3>Bangladesh</h3>", "Markets rally",
                    "href=\"/article/dhaka-1\">Floods hit Dhaka</a><span class=\"region\">Global</span>");
            JsonNode json = new ObjectMapper().readTree(get("/api/front").body());
            assertThat(json.get("articles").findValuesAsText("id"))
                    .containsExactly("urn:wire:moscow/1", "marker-1", "dhaka-1");
            assertThat(json.get("trending").get("global").get("entries").get(1).get("headline").asText())
                    .isEqualTo("Markets rally");
            HttpResponse<String> health = get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"service\":\"frontpage\"", "\"status\":\"UP\"", "\"articles\":3", "\"regions\":2");
        });
        HttpResponse<String> article = get("/article/dhaka-1");
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(article.body()).contains("<h1>Floods hit Dhaka</h1>", "<p>Schools shut &lt;b&gt;today&lt;/b&gt;.</p>",
                "<li class=\"focus\" title=\"focus\">Bangladesh</li>", "TRENDING");
        String moscowLink = get("/").body().replaceAll("(?s).*href=\"(/article/~[^\"]+)\">Moscow talks.*", "$1");
        assertThat(get(moscowLink).body()).contains("<h1>Moscow talks &lt;end&gt; with a deal</h1>");

        // a kill notice and a tombstone take articles down
        send(() -> {
            article(Fixtures.enriched(Article.newBuilder().setId("dhaka-1").setFormat("ninjs")
                    .setStatus(PublicationStatus.WITHDRAWN).build()));
            producer.send(new ProducerRecord<>(articlesTopic, "urn:wire:moscow/1", null));
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String after = get("/").body();
            int main = after.indexOf("<aside");
            assertThat(after.substring(0, main)).doesNotContain("Floods hit Dhaka", "Moscow talks")
                    .contains("Marker story after the abort");
            assertThat(get("/article/dhaka-1").statusCode()).isEqualTo(404);
            assertThat(get("/metrics").body()).contains("newsflow_frontpage_records_total", "outcome=\"removed\"",
                    "service=\"frontpage\"", "jvm_memory_used_bytes",
                    "kafka_consumer_fetch_manager_records_consumed_total");
        });
    }

    private void article(EnrichedArticle e) {
        producer.send(new ProducerRecord<>(articlesTopic, e.getArticle().getId(), e));
    }

    private void send(Runnable records) {
        producer.beginTransaction();
        records.run();
        producer.commitTransaction();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(page.url() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
