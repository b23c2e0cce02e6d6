package io.newsflow.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.Fixtures;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.http.IngestService;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.serde.KafkaAvroDeserializer;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** A pulled feed through the ingest service on the real broker: its items on the raw topic, its state across a restart. */
class PulledSourceKafkaTest {

    @Test
    void aPolledFeedsItemsReachTheRawTopicAndItsValidatorsSurviveARestart() throws Exception {
        String raw = TestKafka.uniqueTopic("raw");
        String dead = TestKafka.uniqueTopic("dead");
        String state = TestKafka.uniqueTopic("sources-state");
        TestKafka.createTopics(raw, dead);
        byte[] rss = Fixtures.bytes("feed/windows-1251.rss");
        try (FeedServer server = new FeedServer()) {
            server.on("/wire.rss", ex -> {
                ex.getResponseHeaders().add("ETag", "\"w1\"");
                ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
                boolean same = "\"w1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"));
                FeedServer.send(ex, same ? 304 : 200, same ? new byte[0] : rss);
            });
            Properties p = new Properties();
            p.setProperty("ingest.http.port", "0");
            p.setProperty("topics.name.raw", raw);
            p.setProperty("topics.name.deadletter", dead);
            p.setProperty("topics.name.sources.state", state);
            p.setProperty("bootstrap.servers", TestKafka.bootstrapServers());
            p.setProperty("schema.registry.url", TestSchemaRegistry.url());
            p.setProperty("ingest.pull.ru-wire.url", server.url("/wire.rss").toString());
            p.setProperty("ingest.pull.ru-wire.interval", "PT10S");
            p.setProperty("ingest.pull.ru-wire.feed", "ru-wire");
            p.setProperty("ingest.pull.host.min-gap", "PT0.1S");
            IngestConfig config = IngestConfig.from(p, Map.of());

            try (IngestService first = IngestService.start(config)) {
                List<ConsumerRecord<String, Object>> out = records(raw, 2);
                assertThat(out).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("ru-1", "ru-2");
                assertThat(out).allSatisfy(r -> assertThat(((Article) r.value()).getFeed()).isEqualTo("ru-wire"));
            }
            assertThat(server.requests("/wire.rss")).hasSize(1);
            assertThat(server.requests("/wire.rss").get(0).ifNoneMatch()).isNull();

            // a new instance, nothing on local disk: the validators come back from the state topic
            try (IngestService second = IngestService.start(config)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> server.requests("/wire.rss").size() >= 2);
                assertThat(server.requests("/wire.rss").get(1).ifNoneMatch()).isEqualTo("\"w1\"");
            }
            // answered 304: nothing parsed, nothing written again
            assertThat(TestKafka.readAll(raw)).hasSize(2);
        }
    }

    @Test
    void aFailingSourceIsToldOnTheSourcesTopicAndListedWithItsStateAndAPushedFeedToo() throws Exception {
        String raw = TestKafka.uniqueTopic("raw");
        String dead = TestKafka.uniqueTopic("dead");
        String sources = TestKafka.uniqueTopic("sources");
        TestKafka.createTopics(raw, dead);
        try (FeedServer server = new FeedServer()) {
            server.on("/down.rss", ex -> FeedServer.send(ex, 500, new byte[0]));
            Properties p = new Properties();
            p.setProperty("ingest.http.port", "0");
            p.setProperty("ingest.feed.wire.key", "wire-key");
            p.setProperty("topics.name.raw", raw);
            p.setProperty("topics.name.deadletter", dead);
            p.setProperty("topics.name.sources", sources);
            p.setProperty("topics.name.sources.state", TestKafka.uniqueTopic("sources-state"));
            p.setProperty("bootstrap.servers", TestKafka.bootstrapServers());
            p.setProperty("schema.registry.url", TestSchemaRegistry.url());
            p.setProperty("ingest.pull.down.url", server.url("/down.rss").toString());
            p.setProperty("ingest.pull.down.interval", "PT10S");
            p.setProperty("ingest.sources.failing.after", "1");
            try (IngestService service = IngestService.start(IngestConfig.from(p, Map.of()))) {
                List<ConsumerRecord<String, Object>> events = records(sources, 1);
                io.newsflow.schemas.avro.SourceEvent failing = (io.newsflow.schemas.avro.SourceEvent) events.get(0).value();
                assertThat(failing.getSource()).isEqualTo("down");
                assertThat(failing.getState()).isEqualTo("failing");
                assertThat(failing.getPreviousState()).isEqualTo("ok");
                assertThat(failing.getReason()).contains("answered 500");

                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + service.port();
                assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v1/articles"))
                        .header("Authorization", "Bearer wire-key").header("Content-Type", "application/rss+xml")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("feed/windows-1251.rss"))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
                com.fasterxml.jackson.databind.JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v1/sources")).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString()).body()).path("sources");
                assertThat(list.findValuesAsText("name")).containsExactly("down", "wire");
                assertThat(list.get(0).path("state").asText()).isEqualTo("failing");
                assertThat(list.get(0).path("kind").asText()).isEqualTo("pull");
                assertThat(list.get(0).path("last_error").asText()).contains("500");
                assertThat(list.get(1).path("kind").asText()).isEqualTo("push");
                assertThat(list.get(1).path("items").asInt()).isEqualTo(2);
                assertThat(list.get(1).path("state").asText()).isEqualTo("ok");
            }
        }
    }

    @Test
    void aPushedFeedThatFallsSilentIsQuietOnTheSourcesTopicAndOkAgainWhenItSends() throws Exception {
        String raw = TestKafka.uniqueTopic("raw");
        String dead = TestKafka.uniqueTopic("dead");
        String sources = TestKafka.uniqueTopic("sources");
        TestKafka.createTopics(raw, dead, sources);
        Properties p = new Properties();
        p.setProperty("ingest.http.port", "0");
        p.setProperty("ingest.feed.wire.key", "wire-key");
        p.setProperty("topics.name.raw", raw);
        p.setProperty("topics.name.deadletter", dead);
        p.setProperty("topics.name.sources", sources);
        p.setProperty("bootstrap.servers", TestKafka.bootstrapServers());
        p.setProperty("schema.registry.url", TestSchemaRegistry.url());
        p.setProperty("ingest.sources.quiet.min-gap", "PT2S");
        try (IngestService service = IngestService.start(IngestConfig.from(p, Map.of()))) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + service.port();
            // a feed that sends every 200 ms, six times: its usual gap is learned
            for (int i = 0; i < 6; i++) {
                String item = "{\"uri\":\"urn:quiet:" + i + "\",\"type\":\"text\",\"headlines\":[{\"role\":\"main\",\"value\":\"Item " + i + "\"}]}";
                assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v1/articles"))
                        .header("Authorization", "Bearer wire-key").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(item)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
                Thread.sleep(200);
            }
            // then silence: past the 2 s floor, the next check (every 5 s) calls it quiet
            io.newsflow.schemas.avro.SourceEvent quiet = (io.newsflow.schemas.avro.SourceEvent) records(sources, 1).get(0).value();
            assertThat(quiet.getSource()).isEqualTo("wire");
            assertThat(quiet.getKind()).isEqualTo("push");
            assertThat(quiet.getState()).isEqualTo("quiet");
            assertThat(quiet.getReason()).contains("times its usual gap");
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + "/v1/sources")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body())
                    .path("sources").get(0).path("state").asText()).isEqualTo("quiet");
            String again = "{\"uri\":\"urn:quiet:again\",\"type\":\"text\",\"headlines\":[{\"role\":\"main\",\"value\":\"Back\"}]}";
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v1/articles"))
                    .header("Authorization", "Bearer wire-key").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(again)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            io.newsflow.schemas.avro.SourceEvent back = (io.newsflow.schemas.avro.SourceEvent) records(sources, 2).get(1).value();
            assertThat(back.getState()).isEqualTo("ok");
            assertThat(back.getPreviousState()).isEqualTo("quiet");
        }
    }

    private static List<ConsumerRecord<String, Object>> records(String topic, int n) {
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(Map.of("schema.registry.url", TestSchemaRegistry.url(), "specific.avro.reader", true), false);
        return TestKafka.awaitRecords(topic, n, Duration.ofSeconds(30), new StringDeserializer(), values);
    }
}
