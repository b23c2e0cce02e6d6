package io.newsflow.harness.bench;

import io.newsflow.testkit.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench's broker-clock topics on a real broker: append times replace whatever time the producer set. */
class BenchBrokerClockTest {

    @Test
    void brokerAppendTimesAreReadFromLogAppendTimeTopicsOnly() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String brokerClock = "bench.test.append." + suffix;
        String producerClock = "bench.test.create." + suffix;
        try (Admin admin = TestKafka.admin()) {
            admin.createTopics(List.of(BenchCommand.brokerClockTopic(brokerClock),
                    new NewTopic(producerClock, 1, (short) 1))).all().get();
        }
        long ancient = 1_000L; // a producer timestamp the broker must overwrite on the LogAppendTime topic
        try (TopicWatcher watcher = new TopicWatcher(TestKafka.bootstrapServers(),
                List.of(brokerClock, producerClock), r -> -1)) {
            long before = System.currentTimeMillis();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                    Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(brokerClock, null, ancient, null, new byte[] {1}));
                    producer.send(new ProducerRecord<>(producerClock, null, ancient, null, new byte[] {1}));
                    producer.flush(); // one batch each, so the appends are apart in time
                    Thread.sleep(20);
                }
            }
            long after = System.currentTimeMillis();
            watcher.awaitCount(6, Duration.ofSeconds(60));

            assertThat(watcher.count()).isEqualTo(6);
            assertThat(watcher.appended()).isEqualTo(3);
            assertThat(watcher.firstAppendMillis()).isBetween(before - 1_000, after + 1_000);
            assertThat(watcher.lastAppendMillis()).isGreaterThan(watcher.firstAppendMillis())
                    .isBetween(before - 1_000, after + 1_000);
            Measurement m = watcher.brokerClock("hop", 3);
            assertThat(m.records()).isEqualTo(3);
            assertThat(m.perSecond()).isEqualTo(2_000.0 / (watcher.lastAppendMillis() - watcher.firstAppendMillis()));
        }
    }
}
