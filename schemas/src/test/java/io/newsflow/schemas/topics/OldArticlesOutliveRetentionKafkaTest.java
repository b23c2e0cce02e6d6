package io.newsflow.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.schemas.topics.TopicContract.Role;
import io.newsflow.stack.LocalKafkaBroker;
import io.newsflow.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An article older than the topic's retention, written the way enrich writes it (a transaction, the record stamped
 * with the article's event time), must still be there for a reader that comes a while later. On a topic timed by
 * its producer the commit marker rolls the segment (its time is days after the record's) and the next retention
 * check deletes it: the pipeline's first article vanished that way between enrich and publish.
 *
 * <p>A broker of its own, whose retention check runs every half second instead of every five minutes, so the check
 * is sure to come between the write and the read.
 */
class OldArticlesOutliveRetentionKafkaTest {
    private static LocalKafkaBroker broker;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "testkit", "kafka-retention-" + ProcessHandle.current().pid()));
        broker = LocalKafkaBroker.builder().workDir(dir)
                .property("log.retention.check.interval.ms", "500")
                .property("log.initial.task.delay.ms", "500")
                .start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) broker.close();
    }

    @Test
    void anArticleStampedWeeksAgoIsStillReadableAfterTheRetentionCheck() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Properties names = new Properties();
        names.setProperty(Role.ENRICHED.configKey(), "enriched-" + suffix);
        String control = "producer-timed-" + suffix;
        Instant weeksAgo = Instant.now().minus(Duration.ofDays(30));
        Instant before = Instant.now();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicProvisioner provisioner = TopicProvisioner.forCluster(admin, TopicContract.fromProperties(names));
            TopicSpec enriched = provisioner.contract().spec(Role.ENRICHED);
            provisioner.create(List.of(enriched));
            // the same topic as the broker's defaults would make it: timed by the producer
            admin.createTopics(List.of(new NewTopic(control, 1, (short) 1))).all().get();

            produceInOneTransaction(List.of(enriched.name(), control), weeksAgo);

            // the retention check has run over the producer-timed topic: its rolled segment is gone
            TopicPartition controlPartition = new TopicPartition(control, 0);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(admin.listOffsets(Map.of(controlPartition, OffsetSpec.earliest())).all().get()
                            .get(controlPartition).offset()).as("log start of the producer-timed topic").isPositive());

            List<ConsumerRecord<String, String>> kept = TopicReader.readAll(broker.bootstrapServers(), enriched.name(),
                    new StringDeserializer(), new StringDeserializer(), Duration.ofSeconds(30));
            assertThat(kept).as("the article on the contract's topic").singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("old-article");
                assertThat(r.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
                assertThat(r.timestamp()).isGreaterThanOrEqualTo(before.toEpochMilli());
            });
        }
    }

    private static void produceInOneTransaction(List<String> topics, Instant recordTime) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "old-articles-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (String topic : topics) {
                producer.send(new ProducerRecord<>(topic, null, recordTime.toEpochMilli(), "old-article", "{}"));
            }
            producer.commitTransaction();
        }
    }
}
