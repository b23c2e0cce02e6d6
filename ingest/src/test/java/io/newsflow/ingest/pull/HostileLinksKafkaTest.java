package io.newsflow.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.http.IngestService;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.serde.KafkaAvroDeserializer;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A configured feed on 127.0.0.1 that tries to lead ingest inside: item links to another loopback address
 * (127.0.0.2), to the cloud metadata address and to a name that resolves to loopback, and a second feed whose
 * server redirects to 127.0.0.2. Nothing is fetched there; each refusal is on {@code GET /v1/sources}; the items
 * still come through with the text their feed gave.
 */
class HostileLinksKafkaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void linksAndRedirectsToInternalAddressesAreRefusedNamedAndNeverFetched() throws Exception {
        String raw = TestKafka.uniqueTopic("raw");
        String dead = TestKafka.uniqueTopic("dead");
        TestKafka.createTopics(raw, dead);
        try (FeedServer feed = new FeedServer(); FeedServer internal = new FeedServer("127.0.0.2")) {
            internal.on("/page.html", ex -> FeedServer.send(ex, 200, "<html><body><p>internal</p></body></html>".getBytes()));
            internal.on("/secret.rss", ex -> FeedServer.send(ex, 200, new byte[0]));
            int internalPort = internal.url("/").getPort();
            List<String> links = List.of(internal.url("/page.html").toString(), "http://169.254.169.254/latest/meta-data/iam/",
                    "http://localhost:" + internalPort + "/admin");
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < links.size(); i++) {
                items.append("<item><title>Hostile ").append(i).append("</title><link>").append(links.get(i))
                        .append("</link><guid>hostile-").append(i).append("</guid><description>Only a summary.</description>")
                        .append("<pubDate>Wed, 02 Dec 2026 09:0").append(i).append(":00 GMT</pubDate></item>");
            }
            byte[] rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Hostile</title>"
                    + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
            feed.on("/hostile.rss", ex -> FeedServer.send(ex, 200, rss));
            feed.on("/moved.rss", ex -> {
                ex.getResponseHeaders().add("Location", internal.url("/secret.rss").toString());
                FeedServer.send(ex, 302, new byte[0]);
            });

            Properties p = new Properties();
            p.setProperty("ingest.http.port", "0");
            p.setProperty("topics.name.raw", raw);
            p.setProperty("topics.name.deadletter", dead);
            p.setProperty("topics.name.sources", TestKafka.uniqueTopic("sources"));
            p.setProperty("topics.name.sources.state", TestKafka.uniqueTopic("sources-state"));
            p.setProperty("bootstrap.servers", TestKafka.bootstrapServers());
            p.setProperty("schema.registry.url", TestSchemaRegistry.url());
            p.setProperty("ingest.pull.hostile.url", feed.url("/hostile.rss").toString());
            p.setProperty("ingest.pull.hostile.full-text", "true");
            p.setProperty("ingest.pull.hostile.interval", "PT10M");
            p.setProperty("ingest.pull.moved.url", feed.url("/moved.rss").toString());
            p.setProperty("ingest.pull.moved.interval", "PT10M");
            p.setProperty("ingest.pull.host.min-gap", "PT0.1S");
            try (IngestService service = IngestService.start(IngestConfig.from(p, Map.of()))) {
                KafkaAvroDeserializer values = new KafkaAvroDeserializer();
                values.configure(Map.of("schema.registry.url", TestSchemaRegistry.url(), "specific.avro.reader", true), false);
                List<ConsumerRecord<String, Object>> out = TestKafka.awaitRecords(raw, 3, Duration.ofSeconds(60),
                        new StringDeserializer(), values);
                assertThat(out).extracting(r -> ((Article) r.value()).getBody()).as("the feed's own text, nothing fetched")
                        .allSatisfy(body -> assertThat(body == null ? "" : body).doesNotContain("internal"));

                HttpClient http = HttpClient.newHttpClient();
                URI sourcesUrl = URI.create("http://127.0.0.1:" + service.port() + "/v1/sources");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode sources = JSON.readTree(http.send(HttpRequest.newBuilder(sourcesUrl).build(),
                            HttpResponse.BodyHandlers.ofString()).body()).path("sources");
                    JsonNode hostile = find(sources, "hostile");
                    assertThat(hostile.path("fetches_refused").asInt()).isEqualTo(3);
                    List<String> refusals = texts(hostile.path("refusals"));
                    assertThat(refusals).anySatisfy(r -> assertThat(r).contains("127.0.0.2", "loopback"))
                            .anySatisfy(r -> assertThat(r).contains("169.254.169.254", "link-local"))
                            .anySatisfy(r -> assertThat(r).contains("localhost is 127.0.0.1", "loopback"));
                    JsonNode moved = find(sources, "moved");
                    assertThat(moved.path("fetches_refused").asInt()).isEqualTo(1);
                    assertThat(texts(moved.path("refusals"))).singleElement().asString().contains("127.0.0.2", "loopback");
                    assertThat(moved.path("last_error").asText()).startsWith("refused:");
                });
            }
            assertThat(internal.seen).as("requests that reached 127.0.0.2").isEmpty();
        }
    }

    private static JsonNode find(JsonNode sources, String name) {
        for (JsonNode s : sources) {
            if (name.equals(s.path("name").asText())) return s;
        }
        throw new AssertionError("no source " + name + " in " + sources);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
