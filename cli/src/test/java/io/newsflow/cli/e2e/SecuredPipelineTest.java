package io.newsflow.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.cli.Main;
import io.newsflow.schemas.config.ServiceConfigFile;
import io.newsflow.cli.e2e.WireItems.Item;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.EnrichService;
import io.newsflow.enrich.app.StandardCountryTagging;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.http.IngestService;
import io.newsflow.publish.PublisherService;
import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.schemas.config.AccessCheck.AccessException;
import io.newsflow.stack.HttpFront;
import io.newsflow.stack.LocalKafkaBroker;
import io.newsflow.stack.Ports;
import io.newsflow.testkit.TestSchemaRegistry;
import io.newsflow.testkit.TopicReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ingest -> enrich -> publish against a broker that requires SASL/PLAIN on its client listener and a schema registry
 * that requires basic auth, each service given its credentials only through its own config file (loaded as its
 * command loads it). Wrong credentials end a service's start with one error naming the service, the client and the
 * cause, within seconds.
 */
class SecuredPipelineTest {
    private static final String KAFKA_USER = "newsflow";
    private static final String KAFKA_PASSWORD = "kafka-secret";
    private static final String REGISTRY_USER = "registry-user";
    private static final String REGISTRY_PASSWORD = "registry-secret";
    private static final String FEED_KEY = "secured-feed-key";

    private static LocalKafkaBroker broker;
    private static HttpFront registry;
    private static Path dir;

    @BeforeAll
    static void securedCluster() throws Exception {
        dir = Files.createDirectories(Path.of("target", "secured", Long.toString(System.nanoTime())));
        broker = LocalKafkaBroker.builder().workDir(dir.resolve("kafka"))
                .saslPlainUsers(Map.of("broker", "broker-secret", KAFKA_USER, KAFKA_PASSWORD))
                .start();
        registry = HttpFront.forTarget(TestSchemaRegistry.url()).basicAuth(REGISTRY_USER, REGISTRY_PASSWORD).start();
    }

    @AfterAll
    static void stop() {
        if (registry != null) registry.close();
        if (broker != null) broker.close();
    }

    @Test
    void articlesGoThroughEveryServiceWithCredentialsFromTheirConfigOnly() throws Exception {
        Path topicsFile = write("topics.properties", common(KAFKA_PASSWORD, REGISTRY_PASSWORD));
        assertThat(Main.run("topics", "create", "--config", topicsFile.toString())).isZero();

        Properties enrich = common(KAFKA_PASSWORD, REGISTRY_PASSWORD);
        enrich.setProperty("application.id", "secured-enrich");
        enrich.setProperty("enrich.state.dir", Files.createDirectories(dir.resolve("enrich-state")).toString());
        enrich.setProperty("enrich.http.port", Integer.toString(Ports.freePort()));
        Properties publish = common(KAFKA_PASSWORD, REGISTRY_PASSWORD);
        publish.setProperty("publish.health.port", "-1");
        Properties ingest = common(KAFKA_PASSWORD, REGISTRY_PASSWORD);
        ingest.setProperty("ingest.http.port", "0");
        ingest.setProperty("ingest.feed.e2e.key", FEED_KEY);
        // a source that pushes nothing: polled from its RSS feed, its state kept in Kafka through the same credentials
        com.sun.net.httpserver.HttpServer rssServer = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        String pubDate = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(30));
        byte[] rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Polled wire</title>"
                + "<item><title>Floods close schools across Kenya</title><guid>urn:e2e:rss-1</guid><pubDate>" + pubDate
                + "</pubDate><description>NAIROBI - Floods closed schools across Kenya on Monday.</description></item>"
                + "<item><title>Chile copper output rises</title><guid>urn:e2e:rss-2</guid><pubDate>" + pubDate
                + "</pubDate><description>SANTIAGO - Copper output in Chile rose in March.</description></item>"
                + "</channel></rss>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        rssServer.createContext("/wire.rss", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, rss.length);
            try (var out = ex.getResponseBody()) {
                out.write(rss);
            }
        });
        rssServer.start();
        ingest.setProperty("ingest.pull.e2e-rss.url", "http://127.0.0.1:" + rssServer.getAddress().getPort() + "/wire.rss");
        ingest.setProperty("ingest.pull.e2e-rss.interval", "PT10S");
        Path enrichFile = write("enrich.properties", enrich);
        Path publishFile = write("publish.properties", publish);
        Path ingestFile = write("ingest.properties", ingest);

        WireItems wire = new WireItems("secured", Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)));
        List<Item> items = List.of(wire.article(0), wire.article(1), wire.article(2));
        try (EnrichService e = EnrichService.start(ServiceConfigFile.load("enrich", enrichFile, EnrichConfig::fromProperties),
                     new StandardCountryTagging());
             PublisherService p = new PublisherService(ServiceConfigFile.load("publish", publishFile,
                     PublisherConfig::fromProperties)).start();
             IngestService i = IngestService.start(ServiceConfigFile.load("ingest", ingestFile,
                     props -> IngestConfig.from(props, Map.of())))) {
            HttpResponse<String> accepted = WireItems.post(i.port(), FEED_KEY, WireItems.batch(items));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            // a wire flash: headline only, no body, no time of its own (like IPTC's ninjs 3.0 examples)
            String flashId = "urn:newsflow:test:flash-" + System.nanoTime();
            HttpResponse<String> flash = WireItems.post(i.port(), FEED_KEY, ("{\"uri\":\"" + flashId + "\",\"type\":\"text\","
                    + "\"headlines\":[{\"role\":\"main\",\"value\":\"Explosion reported at port of Beirut\"}]}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(flash.statusCode()).as(flash.body()).isEqualTo(202);

            Properties reader = LocalKafkaBroker.saslPlainClient(KAFKA_USER, KAFKA_PASSWORD);
            reader.setProperty("bootstrap.servers", broker.bootstrapServers());
            List<ConsumerRecord<String, byte[]>> all = TopicReader.awaitRecords(reader, "news.articles.json",
                    items.size() + 3, Duration.ofSeconds(90), new StringDeserializer(), new ByteArrayDeserializer());
            List<String> expectedIds = new java.util.ArrayList<>(items.stream().map(Item::id).toList());
            expectedIds.add(flashId);
            expectedIds.add("urn:e2e:rss-1");
            expectedIds.add("urn:e2e:rss-2");
            assertThat(all).extracting(r -> json(r.value()).path("id").asText()).containsExactlyInAnyOrderElementsOf(expectedIds);
            JsonNode flashOut = all.stream().map(r -> json(r.value())).filter(n -> n.path("id").asText().equals(flashId))
                    .findFirst().orElseThrow();
            assertThat(flashOut.path("headline").asText()).isEqualTo("Explosion reported at port of Beirut");
            assertThat(flashOut.path("body").isNull()).isTrue();
            assertThat(flashOut.path("updated").isNull()).as("no time is invented").isTrue();
            assertThat(flashOut.path("received_at").asText()).isNotBlank();
            assertThat(flashOut.path("event_time_from").asText()).isEqualTo("received");
            for (ConsumerRecord<String, byte[]> r : all) {
                JsonNode article = json(r.value());
                if (article.path("id").asText().equals(flashId) || article.path("id").asText().startsWith("urn:e2e:rss-")) {
                    if (article.path("id").asText().equals("urn:e2e:rss-1")) {
                        assertThat(article.path("feed").asText()).isEqualTo("e2e-rss");
                        assertThat(article.path("countries").findValuesAsText("code")).contains("KE");
                    }
                    continue;
                }
                Item sent = items.stream().filter(it -> it.id().equals(article.path("id").asText())).findFirst().orElseThrow();
                assertThat(article.path("countries").findValuesAsText("code")).as("countries of %s", sent.id())
                        .contains(sent.focus());
                assertThat(article.path("story_id").asText()).isNotBlank();
            }
            // every registry call of every service went through the authenticating proxy with the right credentials
            assertThat(registry.forwarded()).isPositive();
            assertThat(registry.refused()).isZero();
        }
        rssServer.stop(0);
        assertThat(Main.run("topics", "check", "--config", topicsFile.toString())).isZero();
    }

    @Test
    void aWrongKafkaPasswordStopsTheServiceWithAnErrorNamingServiceClientAndCause() throws Exception {
        Properties wrong = common("not-the-password", REGISTRY_PASSWORD);
        wrong.setProperty("ingest.feed.e2e.key", FEED_KEY); // an ingest with a feed, only its Kafka password wrong
        Path ingestFile = write("ingest-wrong-kafka.properties", wrong);
        long began = System.nanoTime();
        assertThatThrownBy(() -> IngestService.start(ServiceConfigFile.load("ingest", ingestFile,
                p -> IngestConfig.from(p, Map.of()))))
                .isInstanceOf(AccessException.class)
                .hasMessageContaining("ingest:")
                .hasMessageContaining("Kafka at " + broker.bootstrapServers())
                .hasMessageContaining("refused the service's Kafka credentials")
                .hasMessageContaining("sasl.jaas.config");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(15));

        // the same through the command line: exit 2, one line on stderr
        Path topicsFile = write("topics-wrong.properties", common("not-the-password", REGISTRY_PASSWORD));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("topics", "check", "--config", topicsFile.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("topics:", "refused the service's Kafka credentials");
    }

    @Test
    void aWrongRegistryPasswordStopsTheServiceWithAnErrorNamingTheRegistry() throws Exception {
        Path publishFile = write("publish-wrong-registry.properties", common(KAFKA_PASSWORD, "not-the-password"));
        int refusedBefore = registry.refused();
        assertThatThrownBy(() -> new PublisherService(ServiceConfigFile.load("publish", publishFile,
                PublisherConfig::fromProperties)).start())
                .isInstanceOf(AccessException.class)
                .hasMessageContaining("publish:")
                .hasMessageContaining("schema registry at " + registry.url())
                .hasMessageContaining("401")
                .hasMessageContaining("basic.auth.user.info");
        assertThat(registry.refused()).isGreaterThan(refusedBefore);
    }

    /** What every service's file holds: where the cluster is and the credentials, nothing from the environment. */
    private static Properties common(String kafkaPassword, String registryPassword) {
        Properties p = LocalKafkaBroker.saslPlainClient(KAFKA_USER, kafkaPassword);
        p.setProperty("bootstrap.servers", broker.bootstrapServers());
        p.setProperty("schema.registry.url", registry.url());
        p.setProperty("basic.auth.credentials.source", "USER_INFO");
        p.setProperty("basic.auth.user.info", REGISTRY_USER + ":" + registryPassword);
        return p;
    }

    private static Path write(String name, Properties p) {
        return ServiceConfigFile.write(dir.resolve(name), p, "secured pipeline test");
    }

    private static JsonNode json(byte[] value) {
        try {
            return WireItems.JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
