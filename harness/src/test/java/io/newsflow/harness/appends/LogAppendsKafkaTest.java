package io.newsflow.harness.appends;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testkit.TestKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Appends counted from outside on the real broker: data records, markers, commits and aborts apart. */
class LogAppendsKafkaTest {

    @Test
    void dataMarkersCommitsAndAbortsOfAWindowAreToldApart() throws Exception {
        String raw = TestKafka.uniqueTopic("appends-raw");
        String out = TestKafka.uniqueTopic("appends-out");
        TestKafka.createTopics(1, raw);
        TestKafka.createTopics(2, out);
        Properties client = new Properties();
        client.setProperty("bootstrap.servers", TestKafka.bootstrapServers());
        String txId = "appends-test-" + System.nanoTime() + "-0";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            var before = LogAppends.endOffsets(admin);
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, txId);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction(); // committed: 3 articles in, each copied to one partition of out
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(raw, "a" + i, "article"));
                    producer.send(new ProducerRecord<>(out, 0, "a" + i, "copy"));
                }
                producer.commitTransaction();
                producer.beginTransaction(); // aborted: its record stays in the log, and so does its marker
                producer.send(new ProducerRecord<>(out, 1, "x", "aborted"));
                producer.flush();
                producer.abortTransaction();
            }
            var after = LogAppends.endOffsets(admin);
            LogAppends.Result r = LogAppends.between(client, before, after, raw);
            assertThat(r.articles()).isEqualTo(3);
            assertThat(r.rows()).filteredOn(row -> row.topic().equals(raw)).singleElement().satisfies(row -> {
                assertThat(row.data()).isEqualTo(3);
                assertThat(row.markers()).as("one commit marker on its one partition").isEqualTo(1);
            });
            assertThat(r.rows()).filteredOn(row -> row.topic().equals(out)).singleElement().satisfies(row -> {
                assertThat(row.data()).isEqualTo(4);
                // partition 0: the commit's marker; partition 1: the abort's marker
                assertThat(row.markers()).isEqualTo(2);
            });
            assertThat(r.transactions()).containsKey("appends-test-" + txId.split("-")[2] + "-*");
            long[] counts = r.transactions().get(LogAppends.producerGroup(txId));
            assertThat(counts).containsExactly(1L, 1L);
            StringWriter text = new StringWriter();
            LogAppends.print(r, Duration.ofSeconds(1), new PrintWriter(text));
            assertThat(text.toString()).contains("3 articles accepted").contains(out).contains("1 commits").contains("1 aborts");
        }
    }

    @Test
    void offsetsDeletedBeforeTheyAreReadArePurgedNotMarkers() throws Exception {
        String topic = TestKafka.uniqueTopic("appends-purged");
        TestKafka.createTopics(1, topic);
        Properties client = new Properties();
        client.setProperty("bootstrap.servers", TestKafka.bootstrapServers());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            var before = LogAppends.endOffsets(admin);
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 5; i++) producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v"));
            }
            // what Kafka Streams does to a repartition topic once consumed
            admin.deleteRecords(Map.of(new org.apache.kafka.common.TopicPartition(topic, 0),
                    org.apache.kafka.clients.admin.RecordsToDelete.beforeOffset(3))).all().get();
            var after = LogAppends.endOffsets(admin);
            LogAppends.Result r = LogAppends.between(client, before, after, topic);
            assertThat(r.rows()).filteredOn(row -> row.topic().equals(topic)).singleElement().satisfies(row -> {
                assertThat(row.appends()).isEqualTo(5);
                assertThat(row.data()).isEqualTo(2);
                assertThat(row.purged()).isEqualTo(3);
                assertThat(row.markers()).isZero();
            });
        }
    }

    @Test
    void instancesOfOneProducerAreOneGroupAndCountryTopicsOneRow() {
        assertThat(LogAppends.producerGroup("newsflow-publish-0")).isEqualTo("newsflow-publish-*");
        assertThat(LogAppends.producerGroup("newsflow-enrich-6f1c2a9e-3b4d-4c5e-8f90-0123456789ab-1")).isEqualTo("newsflow-enrich-*");
        assertThat(LogAppends.producerGroup("poll-state")).isEqualTo("poll-state");
        assertThat(LogAppends.row("news.articles.country.NG")).isEqualTo("news.articles.country.*");
        assertThat(LogAppends.row("news.articles.json")).isEqualTo("news.articles.json");
    }
}
