package io.newsflow.publish;

import io.newsflow.publish.config.PublishTopics;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.stack.ChildProcess;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static io.newsflow.publish.PublisherKafkaTest.countByKey;
import static io.newsflow.publish.PublisherKafkaTest.ones;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher is killed (SIGKILL, no chance to commit or abort) in the middle of the stream and started again
 * with the same instance id: read_committed consumers see every article exactly once on every topic.
 */
class PublisherCrashTest {
    private static final Logger log = LoggerFactory.getLogger(PublisherCrashTest.class);
    private static final int ARTICLES = 3_000;

    @Test
    void killedMidStreamAndRestartedNothingLostNothingDoubled() throws Exception {
        PublishTopicsFixture f = new PublishTopicsFixture("pub-crash");
        PublishTopics t = f.topics;
        List<String> ids = new ArrayList<>();
        List<EnrichedArticle> input = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String id = "crash-" + i;
            ids.add(id);
            input.add(Fixtures.enriched(id).setCountries(List.of(
                    Fixtures.tag(i % 2 == 0 ? "RU" : "UA", CountryRole.FOCUS, 0.9),
                    Fixtures.tag("PL", CountryRole.MENTIONED, 0.2))).build());
        }
        f.produce(input);
        Path config = writeConfig(f);

        ChildProcess first = startPublisher(config, "first");
        // wait for progress, then kill while transactions are in flight
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(50))
                .until(() -> !first.isAlive() || committed(t.articles()) >= 300);
        assertThat(first.isAlive()).as("publisher running before the kill").isTrue();
        first.kill();
        int committedAtKill = TestKafka.readAll(t.articles()).size();
        long writtenAtKill = countUncommitted(t.articles());
        log.info("killed first publisher: committed={} written incl. open transactions={}", committedAtKill,
                writtenAtKill);
        assertThat(committedAtKill).as("killed mid-stream").isLessThan(ARTICLES);

        try (ChildProcess second = startPublisher(config, "second")) { // closed with SIGTERM: graceful stop
            await().atMost(Duration.ofSeconds(420)).pollInterval(Duration.ofMillis(500))
                    .until(() -> committed(t.articles()) >= ARTICLES);
            Thread.sleep(2_000); // a few more polls: anything doubled would show now
        }

        Map<String, Long> once = ones(ids);
        // the last commit's markers reach each partition a moment after the commit returns: every topic is waited
        // for; a record doubled keeps its assertion failing to the end
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(countByKey(f.readBytes(t.articles()))).isEqualTo(once);
            assertThat(countByKey(f.readBytes(t.articlesJson()))).isEqualTo(once);
            assertThat(countByKey(f.readBytes(t.latest()))).isEqualTo(once);
            assertThat(countByKey(f.readBytes(t.country("PL")))).isEqualTo(once);
            Map<String, Long> ru = countByKey(f.readBytes(t.country("RU")));
            Map<String, Long> ua = countByKey(f.readBytes(t.country("UA")));
            assertThat(ru).hasSize(ARTICLES / 2).allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));
            assertThat(ua).hasSize(ARTICLES / 2).allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));
        });
        assertThat(f.readBytes(t.deadLetter())).isEmpty();
        long uncommitted = countUncommitted(t.articles());
        log.info("after restart: committed={} written incl. aborted={}", ARTICLES, uncommitted);
        assertThat(uncommitted).isGreaterThanOrEqualTo(ARTICLES);
    }

    private static Path writeConfig(PublishTopicsFixture f) throws IOException {
        PublishTopics t = f.topics;
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", TestKafka.bootstrapServers());
        p.setProperty("schema.registry.url", TestSchemaRegistry.url());
        p.setProperty("publish.group.id", f.group);
        p.setProperty("publish.instance.id", "0");
        p.setProperty("topics.name.enriched", t.enriched());
        p.setProperty("topics.name.articles", t.articles());
        p.setProperty("topics.name.articles.json", t.articlesJson());
        p.setProperty("topics.name.latest", t.latest());
        p.setProperty("topics.name.country.prefix", t.countryPrefix());
        p.setProperty("topics.name.deadletter", t.deadLetter());
        p.setProperty("topics.partitions", "3");
        p.setProperty("publish.health.port", "-1");
        // small transactions, so the kill lands between many commits
        p.setProperty("consumer.max.poll.records", "25");
        Path dir = Files.createDirectories(Path.of("target", "crash-test"));
        Path file = dir.resolve(f.group + ".properties");
        try (var w = Files.newBufferedWriter(file)) {
            p.store(w, "publisher crash test");
        }
        return file;
    }

    private static ChildProcess startPublisher(Path config, String name) throws IOException {
        Path logFile = config.resolveSibling(config.getFileName() + "." + name + ".log");
        return ChildProcess.startMain(PublisherChild.class, List.of(config.toString()), List.of("-Xmx256m"), java.util.Map.of(), logFile);
    }

    /** Records a read_committed consumer sees; 0 while the publisher has not created the topic yet. */
    private static int committed(String topic) {
        try (var admin = TestKafka.admin()) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
        } catch (Exception e) {
            return 0;
        }
        return TestKafka.readAll(topic).size();
    }

    /** Records in the topic including those of open and aborted transactions (read_uncommitted). */
    private static long countUncommitted(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> c =
                     new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long n = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> ignored : c.poll(Duration.ofMillis(200))) {
                    n++;
                }
            }
            return n;
        }
    }
}
