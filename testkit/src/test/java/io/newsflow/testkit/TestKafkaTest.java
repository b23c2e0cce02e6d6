package io.newsflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestKafkaTest {

    @Test
    void readCommittedSeesCommittedTransactionsOnlyAndNothingOfAnOpenOne() throws Exception {
        String topic = TestKafka.uniqueTopic("txn");
        TestKafka.createTopics(3, topic);

        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();

            producer.beginTransaction();
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "committed-" + i));
            }
            producer.commitTransaction();

            producer.beginTransaction();
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "aborted-" + i));
            }
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "key-late", "open-until-commit"));
            producer.flush();
            // written to the log but not committed: invisible, and the reader stops before it
            assertThat(values(topic)).hasSize(10).allMatch(v -> v.startsWith("committed-"));

            producer.commitTransaction();
        }

        List<String> values = values(topic);
        assertThat(values).hasSize(11).noneMatch(v -> v.startsWith("aborted-")).contains("open-until-commit");
    }

    @Test
    void createsTopicsWithTheRequestedPartitionsAndToleratesExistingOnes() throws Exception {
        String six = TestKafka.uniqueTopic("six");
        String defaults = TestKafka.uniqueTopic("defaults");
        TestKafka.createTopics(6, six);
        TestKafka.createTopics(6, six); // again: no error
        TestKafka.createTopics(defaults);

        try (Admin admin = TestKafka.admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(List.of(six, defaults)).allTopicNames().get();
            assertThat(described.get(six).partitions()).hasSize(6);
            assertThat(described.get(defaults).partitions()).hasSize(TestKafka.DEFAULT_PARTITIONS);
        }
    }

    @Test
    void oneBrokerForTheWholeJvm() {
        assertThat(TestKafka.bootstrapServers()).isEqualTo(TestKafka.bootstrapServers()).contains(":");
    }

    private static List<String> values(String topic) {
        return TestKafka.readAll(topic, new StringDeserializer(), new StringDeserializer()).stream()
                .map(ConsumerRecord::value).toList();
    }

    private static KafkaProducer<String, String> transactionalProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer());
    }
}
