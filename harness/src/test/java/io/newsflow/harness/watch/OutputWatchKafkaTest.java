package io.newsflow.harness.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.testkit.TestKafka;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The one output watcher of the chaos run and the restart bench, on a real broker: committed output only. */
class OutputWatchKafkaTest {

    @Test
    void notesCommittedArticlesOnlyFromWhereItStarts() throws Exception {
        String topic = TestKafka.uniqueTopic("watch");
        TestKafka.createTopics(2, topic);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "watch-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            send(producer, topic, true, "before-1", 1);
            try (OutputWatch fromStart = new OutputWatch(TestKafka.bootstrapServers(), topic, true);
                 OutputWatch fromEnd = new OutputWatch(TestKafka.bootstrapServers(), topic, false)) {
                long sent = System.nanoTime();
                send(producer, topic, false, "aborted-1", 1);
                send(producer, topic, true, "run7-a", 1);
                send(producer, topic, true, "run7-a", 2);

                await().atMost(Duration.ofSeconds(30)).until(() -> fromEnd.seen(Set.of("run7-a"))
                        && fromStart.firstSeen("run7-a", 2L) != null);
                assertThat(fromStart.seen(Set.of("before-1", "run7-a"))).isTrue();
                assertThat(fromEnd.seen(Set.of("before-1"))).as("written before it started").isFalse();
                assertThat(fromEnd.firstSeenOfIdContaining("aborted")).as("an aborted transaction").isNull();
                assertThat(fromEnd.firstSeenOfIdContaining("run7-")).isGreaterThanOrEqualTo(sent);
                assertThat(fromEnd.firstSeen("run7-a", 1L)).isLessThanOrEqualTo(fromEnd.firstSeen("run7-a", 2L));
                assertThat(fromEnd.firstSeen("run7-a", 3L)).isNull();
            }
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, boolean commit, String id,
                             long version) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, id, "{\"id\":\"" + id + "\",\"version\":" + version + "}"));
        if (commit) producer.commitTransaction();
        else producer.abortTransaction();
    }
}
