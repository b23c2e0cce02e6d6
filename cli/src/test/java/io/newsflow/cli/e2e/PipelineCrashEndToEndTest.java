package io.newsflow.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.cli.Main;
import io.newsflow.cli.e2e.WireItems.Item;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.EnrichService;
import io.newsflow.enrich.app.StandardCountryTagging;
import io.newsflow.ingest.http.IngestService;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.serde.KafkaAvroDeserializer;
import io.newsflow.stack.ChildProcess;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on the real broker and the real schema registry: articles pushed over HTTP to ingest, through
 * enrich (in this JVM) to the publisher (its own JVM), which is killed with SIGKILL in the middle of a transaction
 * with a backlog still to publish, and started again with the same config; articles are posted before it starts,
 * while it runs, while it is down and after its restart. Downstream consumers reading
 * read_committed then find every accepted article exactly once per version on news.articles (Avro),
 * news.articles.json, the topic of every country it was tagged with and the latest view, enriched (countries,
 * story id, enriched_at); unchanged re-sends add nothing and a new version comes out once more.
 */
class PipelineCrashEndToEndTest {
    private static final Logger log = LoggerFactory.getLogger(PipelineCrashEndToEndTest.class);
    private static final int DISTINCT = 300;
    private static final int BATCH = 25;
    private static final String FEED_KEY = "e2e-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base = TestKafka.uniqueTopic("e2e");
    private final String raw = base + ".raw";
    private final String enriched = base + ".enriched";
    private final String trending = base + ".trending";
    private final String ingestDeadLetters = base + ".ingest-deadletter";
    private final String articles = base + ".articles";
    private final String articlesJson = base + ".articles.json";
    private final String latest = base + ".latest";
    private final String countryPrefix = base + ".country.";
    private final String publishDeadLetters = base + ".publish-deadletter";
    private final String enrichAppId = base + "-enrich";
    private final String publishGroup = base + "-publish";
    private final Path workDir = Path.of("target", "e2e", base);
    /** The project's Confluent-compatible deserializer, reading schemas from the real registry. */
    private final KafkaAvroDeserializer avro = new KafkaAvroDeserializer();

    @Test
    void articlesPostedOverHttpComeOutEnrichedExactlyOnceEverywhereAcrossAPublisherKill() throws Exception {
        long began = System.nanoTime();
        avro.configure(Map.of("schema.registry.url", TestSchemaRegistry.url(), "specific.avro.reader", true), false);
        Files.createDirectories(workDir);
        TestKafka.createTopics(1, ingestDeadLetters);
        WireItems wire = new WireItems(base, Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)));
        List<Item> distinct = new ArrayList<>();
        for (int n = 0; n < DISTINCT; n++) {
            distinct.add(wire.article(n));
        }
        Item updated = wire.newVersion(distinct.get(BATCH + 3));
        List<List<Item>> requests = requests(distinct, updated);
        // what must come out: every distinct article once at version 1, the updated one also at version 2
        Set<String> expected = new TreeSet<>();
        distinct.forEach(i -> expected.add(i.idVersion()));
        expected.add(updated.idVersion());
        Map<String, Item> byId = distinct.stream().collect(Collectors.toMap(Item::id, Function.identity()));

        Path config = publisherConfig();
        EnrichConfig enrichConfig = E2eConfigs.enrich(enrichAppId, workDir.resolve("enrich-state"), raw, enriched, trending);
        try (EnrichService enrich = EnrichService.start(enrichConfig, new StandardCountryTagging());
             // the publisher's JVM starts while enrich joins its group (it finds enrich's topics made)
             ChildProcess first = startPublisher(config, workDir.resolve("publisher-first.log"));
             IngestService ingest = IngestService.start(E2eConfigs.ingest("e2e", FEED_KEY, raw, ingestDeadLetters));
             BrokerProbe broker = new BrokerProbe()) {
            String ingestUrl = "http://127.0.0.1:" + ingest.port();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(get(ingestUrl + "/health").statusCode()).isEqualTo(200));
            // requests 0-5: output starts flowing
            postAll(ingestUrl, requests.subList(0, 6));
            ChildProcess second = null;
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                        .untilAsserted(() -> {
                            assertThat(first.isAlive()).as("first publisher alive (log %s)", first.logFile()).isTrue();
                            assertThat(TestKafka.readAll(articles)).hasSizeGreaterThanOrEqualTo(20);
                        });
                // requests 6-8 while it publishes, then the kill
                postAll(ingestUrl, requests.subList(6, 9));
                List<TopicPartition> openAtKill = killInTheMiddleOfATransaction(first, broker);
                int committedAtKill = TestKafka.readAll(articles).size();
                log.info("first publisher killed: {} articles committed, open transaction on {}", committedAtKill,
                        openAtKill);
                assertThat(committedAtKill).as("killed mid-stream").isPositive().isLessThan(expected.size());

                // requests 9-10 while no publisher runs, 11 once the restarted one publishes again
                postAll(ingestUrl, requests.subList(9, 11));
                second = startPublisher(config, workDir.resolve("publisher-second.log"));
                ChildProcess restarted = second;
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .untilAsserted(() -> {
                            assertThat(restarted.isAlive()).as("restarted publisher alive (log %s)", restarted.logFile())
                                    .isTrue();
                            assertThat(TestKafka.readAll(articles)).hasSizeGreaterThan(committedAtKill);
                        });
                postAll(ingestUrl, requests.subList(11, requests.size()));

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .untilAsserted(() -> {
                            assertThat(restarted.isAlive()).as("restarted publisher alive (log %s)", restarted.logFile())
                                    .isTrue();
                            assertDrained(broker);
                            assertOutputs(expected, byId, updated);
                        });
                for (String topic : openAtKill.stream().map(TopicPartition::topic).collect(Collectors.toSet())) {
                    // the killed transaction's records are in the log, marked aborted: consumers skipped them
                    assertThat(broker.recordsIncludingAborted(topic)).as("aborted records in %s", topic)
                            .isGreaterThan(TestKafka.readAll(topic).size());
                }
            } finally {
                if (second != null) {
                    second.close();
                }
            }
        }
        log.info("end-to-end crash test took {} s", (System.nanoTime() - began) / 1_000_000_000.0);
    }

    /**
     * The publish service in its own JVM, started the way deployments start it ({@code newsflow publish --config
     * FILE}), so the test can freeze it and crash it for real.
     */
    private static ChildProcess startPublisher(Path config, Path log) throws IOException {
        return ChildProcess.startMain(Main.class, List.of("publish", "--config", config.toString()),
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), java.util.Map.of(), log);
    }

    /** 12 requests of 25 distinct articles; a few unchanged re-sends and one new version ride along later. */
    private static List<List<Item>> requests(List<Item> distinct, Item updated) {
        List<List<Item>> requests = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            requests.add(new ArrayList<>(distinct.subList(from, Math.min(distinct.size(), from + BATCH))));
        }
        // unchanged re-sends: before the publisher starts, before the kill and after the restart
        requests.get(4).addAll(List.of(distinct.get(1), distinct.get(2)));
        requests.get(8).addAll(List.of(distinct.get(3), distinct.get(BATCH * 5 + 1), distinct.get(BATCH * 7 + 2)));
        requests.get(9).add(updated);
        requests.get(11).add(distinct.get(BATCH * 9));
        return requests;
    }

    /**
     * Freezes the publisher (SIGSTOP) until it is caught with a transaction open, records written but neither
     * committed nor aborted, and kills it there (SIGKILL). Gives up looking after a while and kills it anyway.
     */
    private List<TopicPartition> killInTheMiddleOfATransaction(ChildProcess publisher, BrokerProbe broker)
            throws Exception {
        List<String> outputs = List.of(articles, articlesJson, latest);
        for (int attempt = 1; attempt <= 100; attempt++) {
            publisher.freeze();
            pause(60); // requests already on the wire (a commit) land before we look
            List<TopicPartition> open = broker.openTransactions(outputs);
            if (!open.isEmpty()) {
                // still open a moment later: no commit of it was on its way to a (busy) broker
                pause(200);
                open = broker.openTransactions(outputs);
            }
            if (!open.isEmpty()) {
                log.info("publisher frozen with an open transaction on {} (attempt {})", open, attempt);
                publisher.kill();
                return open;
            }
            publisher.thaw();
            pause(ThreadLocalRandom.current().nextInt(5, 40));
        }
        log.warn("never caught the publisher inside a transaction: killing it between two");
        publisher.kill();
        return List.of();
    }

    /** Nothing left for anyone to do: enrich consumed raw and its newsroom topic, the publisher consumed enriched. */
    private void assertDrained(BrokerProbe broker) throws Exception {
        assertThat(broker.unconsumed(enrichAppId, raw)).as("raw not yet enriched").isZero();
        assertThat(broker.unconsumed(enrichAppId, enrichAppId + "-newsroom-repartition"))
                .as("newsroom records not yet processed").isZero();
        assertThat(broker.unconsumed(publishGroup, enriched)).as("enriched not yet published").isZero();
    }

    private void assertOutputs(Set<String> expected, Map<String, Item> sent, Item updated) throws Exception {
        // news.articles: Avro, decoded against the real registry
        Map<String, EnrichedArticle> finished = new HashMap<>();
        List<String> seen = new ArrayList<>();
        for (ConsumerRecord<String, Object> r : TestKafka.readAll(articles, new StringDeserializer(), avro)) {
            EnrichedArticle a = (EnrichedArticle) r.value();
            assertThat(r.key()).isEqualTo(a.getArticle().getId());
            String idVersion = WireItems.idVersion(a.getArticle().getId(), a.getArticle().getVersion());
            seen.add(idVersion);
            finished.put(idVersion, a);
        }
        assertExactlyOnce(articles, seen, expected);
        finished.forEach((idVersion, a) -> assertEnriched(idVersion, a, sent.get(a.getArticle().getId())));
        assertThat(finished.get(updated.idVersion()).getArticle().getHeadline()).startsWith("UPDATE 1-");

        // news.articles.json: the contract's JSON fields, the same enrichment as the Avro record
        List<String> seenJson = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TestKafka.readAll(articlesJson, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            JsonNode json = json(r.value());
            String idVersion = WireItems.idVersion(json.path("id").asText(), json.path("version").asLong());
            seenJson.add(idVersion);
            assertThat(r.key()).isEqualTo(json.path("id").asText());
            assertJsonMatches(idVersion, json, finished.get(idVersion));
        }
        assertExactlyOnce(articlesJson, seenJson, expected);

        // per country: every tagged country's topic carries the article once per version, the focus marked so
        Map<String, Set<String>> expectedByCountry = new TreeMap<>();
        finished.forEach((idVersion, a) -> a.getCountries().forEach(tag ->
                expectedByCountry.computeIfAbsent(tag.getCode(), c -> new TreeSet<>()).add(idVersion)));
        assertThat(expectedByCountry.keySet()).contains("UA", "PE", "KE", "FR", "JP", "BR", WireItems.MENTIONED);
        assertThat(countryTopics()).containsExactlyInAnyOrderElementsOf(
                expectedByCountry.keySet().stream().map(c -> countryPrefix + c).toList());
        expectedByCountry.forEach((code, ids) -> {
            String topic = countryPrefix + code;
            List<String> seenCountry = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : TestKafka.readAll(topic, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                JsonNode json = json(r.value());
                String idVersion = WireItems.idVersion(json.path("id").asText(), json.path("version").asLong());
                seenCountry.add(idVersion);
                Item item = sent.get(json.path("id").asText());
                if (item != null && item.focus().equals(code)) {
                    assertThat(header(r, "newsflow.country_role")).as("role of %s on %s", idVersion, topic)
                            .isEqualTo("focus");
                }
            }
            assertExactlyOnce(topic, seenCountry, ids);
        });

        // the latest view: each article once per version, its newest version last
        List<String> seenLatest = new ArrayList<>();
        Map<String, Long> lastVersion = new LinkedHashMap<>();
        for (ConsumerRecord<String, Object> r : TestKafka.readAll(latest, new StringDeserializer(), avro)) {
            assertThat(r.value()).as("no tombstone for %s", r.key()).isNotNull();
            EnrichedArticle a = (EnrichedArticle) r.value();
            seenLatest.add(WireItems.idVersion(a.getArticle().getId(), a.getArticle().getVersion()));
            lastVersion.put(r.key(), a.getArticle().getVersion());
        }
        assertNoneTwice(latest, seenLatest);
        assertThat(lastVersion.keySet()).as("articles in %s", latest).isEqualTo(sent.keySet());
        assertThat(lastVersion.get(updated.id())).as("latest version of %s", updated.id()).isEqualTo(2L);
        assertThat(lastVersion.entrySet().stream().filter(e -> e.getValue() != 1L).map(Map.Entry::getKey))
                .containsExactly(updated.id());

        assertThat(TestKafka.readAll(ingestDeadLetters)).as("ingest dead letters").isEmpty();
        assertThat(TestKafka.readAll(publishDeadLetters)).as("publish dead letters").isEmpty();
    }

    private static void assertEnriched(String idVersion, EnrichedArticle a, Item sent) {
        assertThat(sent).as("%s was sent", idVersion).isNotNull();
        assertThat(a.getStoryId()).as("story_id of %s", idVersion).isNotBlank();
        assertThat(a.getEnrichedAt()).as("enriched_at of %s", idVersion).isNotNull();
        assertThat(a.getArticle().getReceivedAt()).as("received_at of %s", idVersion).isNotNull();
        assertThat(a.getArticle().getFeed()).as("feed of %s", idVersion).isEqualTo("e2e");
        assertThat(a.getCountries()).as("countries of %s", idVersion)
                .filteredOn(t -> t.getRole() == CountryRole.FOCUS).extracting(CountryTag::getCode)
                .containsExactly(sent.focus());
        if (sent.mentionsPoland()) {
            assertThat(a.getCountries()).as("countries of %s", idVersion).extracting(CountryTag::getCode)
                    .contains(WireItems.MENTIONED);
        }
    }

    private static void assertJsonMatches(String idVersion, JsonNode json, EnrichedArticle avro) {
        assertThat(avro).as("%s on the JSON topic but not on the Avro one", idVersion).isNotNull();
        for (String field : List.of("id", "version", "format", "source", "headline", "body", "dateline", "language",
                "created", "updated", "countries", "story_id", "trending_score", "enriched_at")) {
            assertThat(json.has(field)).as("field %s in the JSON of %s", field, idVersion).isTrue();
        }
        assertThat(json.path("headline").asText()).isEqualTo(avro.getArticle().getHeadline());
        assertThat(json.path("story_id").asText()).as("story_id of %s", idVersion).isEqualTo(avro.getStoryId());
        assertThat(json.path("enriched_at").isTextual()).as("enriched_at of %s", idVersion).isTrue();
        assertThat(json.path("trending_score").isNumber()).as("trending_score of %s", idVersion).isTrue();
        JsonNode countries = json.path("countries");
        assertThat(countries.size()).as("countries of %s", idVersion).isEqualTo(avro.getCountries().size());
        for (int i = 0; i < countries.size(); i++) {
            JsonNode c = countries.get(i);
            CountryTag tag = avro.getCountries().get(i);
            assertThat(c.path("code").asText()).isEqualTo(tag.getCode());
            assertThat(c.path("role").asText()).isEqualTo(tag.getRole().name().toLowerCase());
            assertThat(c.path("score").isNumber()).isTrue();
            assertThat(c.path("evidence").isArray()).isTrue();
        }
    }

    /** Every expected id#version exactly once, nothing else. */
    private static void assertExactlyOnce(String topic, List<String> seen, Set<String> expected) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(seen);
        Set<String> unexpected = new TreeSet<>(seen);
        unexpected.removeAll(expected);
        assertThat(missing).as("missing from %s (%d of %d)", topic, missing.size(), expected.size()).isEmpty();
        assertThat(unexpected).as("not expected on %s", topic).isEmpty();
        assertNoneTwice(topic, seen);
    }

    private static void assertNoneTwice(String topic, List<String> seen) {
        Set<String> once = new HashSet<>();
        Set<String> doubled = new TreeSet<>();
        seen.forEach(s -> {
            if (!once.add(s)) {
                doubled.add(s);
            }
        });
        assertThat(doubled).as("more than once on %s", topic).isEmpty();
    }

    private Set<String> countryTopics() throws Exception {
        try (var admin = TestKafka.admin()) {
            return admin.listTopics().names().get().stream().filter(t -> t.startsWith(countryPrefix))
                    .collect(Collectors.toSet());
        }
    }

    /** The `publish --config FILE` file: the same for the first start and the restart. */
    private Path publisherConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", TestKafka.bootstrapServers());
        p.setProperty("schema.registry.url", TestSchemaRegistry.url());
        p.setProperty("publish.group.id", publishGroup);
        p.setProperty("publish.instance.id", "0");
        p.setProperty("topics.name.enriched", enriched);
        p.setProperty("topics.name.articles", articles);
        p.setProperty("topics.name.articles.json", articlesJson);
        p.setProperty("topics.name.latest", latest);
        p.setProperty("topics.name.country.prefix", countryPrefix);
        p.setProperty("topics.name.deadletter", publishDeadLetters);
        p.setProperty("topics.partitions", "3");
        p.setProperty("publish.health.port", "-1");
        // small transactions: many of them, so the kill finds one open
        p.setProperty("consumer.max.poll.records", "10");
        return io.newsflow.schemas.config.ServiceConfigFile.write(workDir.resolve("publish.properties"), p, "end-to-end crash test publisher");
    }

    private static void postAll(String ingestUrl, List<List<Item>> requests) {
        requests.forEach(request -> post(ingestUrl, request));
    }

    private static void post(String ingestUrl, List<Item> items) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/v1/articles"))
                            .header("Authorization", "Bearer " + FEED_KEY)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(WireItems.batch(items)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            JsonNode body = json(r.body().getBytes(StandardCharsets.UTF_8));
            assertThat(body.path("accepted").asInt()).as(r.body()).isEqualTo(items.size());
            List<String> ids = new ArrayList<>();
            body.path("ids").forEach(id -> ids.add(id.asText()));
            assertThat(ids).isEqualTo(items.stream().map(Item::id).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return WireItems.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.US_ASCII);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
