package io.newsflow.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.Fixtures;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.serde.KafkaAvroDeserializer;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Through HTTP into the real broker and the real schema registry: what 202 promises is in the topic. */
class IngestHttpIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String raw;
    private static String dead;
    private static IngestService service;
    private static String base;

    @BeforeAll
    static void start() {
        raw = TestKafka.uniqueTopic("raw");
        dead = TestKafka.uniqueTopic("dead");
        TestKafka.createTopics(raw, dead);
        Properties p = new Properties();
        p.setProperty("ingest.http.port", "0");
        p.setProperty("ingest.feed.wire.key", "wire-key");
        p.setProperty("topics.name.raw", raw);
        p.setProperty("topics.name.deadletter", dead);
        p.setProperty("bootstrap.servers", TestKafka.bootstrapServers());
        p.setProperty("schema.registry.url", TestSchemaRegistry.url());
        service = IngestService.start(IngestConfig.from(p, Map.of()));
        base = "http://127.0.0.1:" + service.port();
    }

    @AfterAll
    static void stop() {
        if (service != null) service.close();
    }

    private static HttpResponse<String> post(String key, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/v1/articles"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        if (contentType != null) b.header("Content-Type", contentType);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> List<ConsumerRecord<String, Object>> await(String topic, int n) {
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(Map.of("schema.registry.url", TestSchemaRegistry.url(), "specific.avro.reader", true), false);
        return TestKafka.awaitRecords(topic, n, Duration.ofSeconds(30), new StringDeserializer(), values);
    }

    @Test
    void acceptedIdsAreInTheTopicAndRefusalsInTheDeadLetters() throws Exception {
        HttpResponse<String> ok = post("wire-key", "application/json", Fixtures.bytes("ninjs/array-one-bad.json"));
        assertThat(ok.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(ok.body());
        assertThat(body.get("ids")).extracting(JsonNode::asText).containsExactly("urn:example:ninjs:good-1", "urn:example:ninjs:good-3");

        List<ConsumerRecord<String, Object>> articles = await(raw, 2);
        assertThat(articles).extracting(ConsumerRecord::key).contains("urn:example:ninjs:good-1", "urn:example:ninjs:good-3");
        Article first = (Article) articles.stream().filter(r -> r.key().equals("urn:example:ninjs:good-1")).findFirst().orElseThrow().value();
        assertThat(first.getHeadline()).isEqualTo("Good item one");
        assertThat(first.getFeed()).isEqualTo("wire");
        assertThat(first.getDeclaredCountries()).containsExactly("PT");

        byte[] broken = Fixtures.bytes("bad/malformed.xml");
        HttpResponse<String> bad = post("wire-key", "application/xml", broken);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("message").asText()).contains("line 5");

        List<ConsumerRecord<String, Object>> letters = await(dead, 2);
        assertThat(letters).extracting(r -> ((DeadLetter) r.value()).getItemId()).contains("urn:example:ninjs:bad-2");
        DeadLetter whole = letters.stream().map(r -> (DeadLetter) r.value()).filter(d -> d.getItemId() == null).findFirst().orElseThrow();
        assertThat(whole.getPayload().array()).isEqualTo(broken);
        assertThat(whole.getReason()).contains("malformed XML");
    }

    @Test
    void authHealthAndMetricsOverHttp() throws Exception {
        assertThat(post(null, "application/json", "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(401);
        assertThat(post("nope", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        assertThat(post("wire-key", "application/rss+xml", Fixtures.bytes("feed/windows-1251.rss")).statusCode()).isEqualTo(202);

        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"service\":\"ingest\"", "\"status\":\"UP\"");
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        // the project's own names, tagged with the service and its instance (the host's name when not configured)
        assertThat(metrics.body()).containsPattern(
                        "newsflow_ingest_items_accepted_total\\{feed=\"wire\",format=\"rss\",instance=\"[^\"]+\",service=\"ingest\"} 2.0")
                .contains("newsflow_ingest_produce_latency_seconds")
                // the JVM's
                .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage")
                // the producer's own metrics, bound to the same registry
                .contains("kafka_producer_record_send_total");
    }
}
