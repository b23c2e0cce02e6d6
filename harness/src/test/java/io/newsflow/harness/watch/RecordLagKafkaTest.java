package io.newsflow.harness.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testkit.TestKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Lag in records on the real broker: transaction markers take offsets but are not records to process. */
class RecordLagKafkaTest {

    @Test
    void markersAreNotLagOpenTransactionsAreNotYetLagCommittedRecordsAre() throws Exception {
        String topic = TestKafka.uniqueTopic("lag");
        TestKafka.createTopics(2, topic);
        String group = "lag-" + UUID.randomUUID();
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lag-test-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
             RecordLag lag = new RecordLag(admin, reader())) {
            producer.initTransactions();
            Map<TopicPartition, Long> next = new HashMap<>();
            producer.beginTransaction();
            for (int i = 0; i < 6; i++) {
                RecordMetadata m = producer.send(new ProducerRecord<>(topic, i % 2, "k" + i, "v" + i)).get();
                next.put(new TopicPartition(topic, m.partition()), m.offset() + 1);
            }
            producer.commitTransaction();
            // the group has processed every record: its offsets point at the commit markers
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            next.forEach((tp, offset) -> done.put(tp, new OffsetAndMetadata(offset)));
            admin.alterConsumerGroupOffsets(group, done).all().get();
            Map<TopicPartition, Long> ends = admin.listOffsets(Map.of(new TopicPartition(topic, 0),
                    org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            assertThat(ends.get(new TopicPartition(topic, 0)) - next.get(new TopicPartition(topic, 0)))
                    .as("end minus committed counts the marker").isEqualTo(1);
            assertThat(lag.of(group)).isEqualTo(new RecordLag.Lag(0, true));

            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "n" + i, "v"));
            }
            producer.commitTransaction();
            assertThat(lag.of(group)).isEqualTo(new RecordLag.Lag(3, true));

            // an open transaction is not lag yet: nothing of it can be consumed
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 1, "open", "v")).get();
            assertThat(lag.of(group)).isEqualTo(new RecordLag.Lag(3, true));
            producer.abortTransaction();
            assertThat(lag.of(group)).as("aborted records are never lag").isEqualTo(new RecordLag.Lag(3, true));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
             RecordLag lag = new RecordLag(admin, reader())) {
            assertThat(lag.of("no-such-group-" + UUID.randomUUID())).isEqualTo(new RecordLag.Lag(0, true));
        }
    }

    private static KafkaConsumer<byte[], byte[]> reader() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
