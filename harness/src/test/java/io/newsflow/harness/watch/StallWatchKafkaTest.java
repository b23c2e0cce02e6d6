package io.newsflow.harness.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.testkit.TestKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The stall watch on the real broker: a transaction left open on a stage's input, and a group that takes nothing of
 * what waits for it, are each told naming the stage within the bound, and stop being told once they move.
 */
class StallWatchKafkaTest {
    private static final Duration BOUND = Duration.ofSeconds(2);

    private static StallWatch watch(Admin admin, RecordLag counter, String topic, String group) {
        return new StallWatch(new KafkaOffsets(admin, counter), List.of(new StallWatch.Stage("publish", group, List.of(topic))),
                Map.of(topic, "enrich"), BOUND, System::nanoTime);
    }

    private static KafkaProducer<String, String> producer(String transactionalId) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        if (transactionalId != null) p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    @Test
    void aTransactionLeftOpenOnTheInputIsToldNamingTheStageAndTheWriterUntilItCommits() throws Exception {
        String topic = TestKafka.uniqueTopic("stall-open");
        TestKafka.createTopics(1, topic);
        String group = "stall-" + UUID.randomUUID();
        try (Admin admin = TestKafka.admin();
             RecordLag counter = new RecordLag(admin, RecordLag.reader(TestKafka.bootstrapServers(), "stall-test"));
             KafkaProducer<String, String> producer = producer("stall-open-" + UUID.randomUUID())) {
            StallWatch watch = watch(admin, counter, topic, group);
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, "a1", "v")).get();
            producer.send(new ProducerRecord<>(topic, 0, "a2", "v")).get();
            assertThat(watch.check()).as("just opened").isEmpty();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(watch.check()).anySatisfy(line -> assertThat(line)
                            .startsWith("publish: " + topic + "-0 held by a transaction open")
                            .contains("(written by enrich)", "nothing past offset 0 can be read", "2 offsets wait behind it")));

            producer.commitTransaction();
            // committed: the two records now wait for a group that takes nothing, a different finding
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(watch.check()).noneMatch(line -> line.contains("held by a transaction")));
        }
    }

    @Test
    void aGroupThatTakesNothingOfWhatWaitsIsToldUntilItMovesAndMarkersAloneAreNotWork() throws Exception {
        String topic = TestKafka.uniqueTopic("stall-idle");
        TestKafka.createTopics(1, topic);
        String group = "stall-" + UUID.randomUUID();
        TopicPartition tp = new TopicPartition(topic, 0);
        try (Admin admin = TestKafka.admin();
             RecordLag counter = new RecordLag(admin, RecordLag.reader(TestKafka.bootstrapServers(), "stall-test"));
             KafkaProducer<String, String> producer = producer("stall-idle-" + UUID.randomUUID())) {
            StallWatch watch = watch(admin, counter, topic, group);
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) producer.send(new ProducerRecord<>(topic, 0, "r" + i, "v"));
            producer.commitTransaction();
            admin.alterConsumerGroupOffsets(group, Map.of(tp, new OffsetAndMetadata(0))).all().get();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(watch.check()).singleElement().asString().matches(java.util.regex.Pattern.quote(
                            "publish: 3 records wait on " + topic + " and none was taken for ") + "[0-9]+"
                            + java.util.regex.Pattern.quote(" s (group " + group + ")")));

            // the group takes all three: only the commit marker is left after its position, which is no work
            admin.alterConsumerGroupOffsets(group, Map.of(tp, new OffsetAndMetadata(3))).all().get();
            assertThat(watch.check()).isEmpty();
            Thread.sleep(BOUND.toMillis() + 500); // longer than the bound, with nothing but the marker after it
            assertThat(watch.check()).isEmpty();
        }
    }
}
