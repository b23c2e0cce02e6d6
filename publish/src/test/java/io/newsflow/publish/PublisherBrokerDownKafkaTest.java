package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.publish.config.PublishTopics;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.serde.SpecificAvroSerde;
import io.newsflow.stack.LocalKafkaCluster;
import io.newsflow.testkit.TestSchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broker of three killed while an article needs a country topic that does not exist yet, on a real three-node
 * cluster with production replication, and brought back: every article comes out once, none is dead-lettered. (A
 * killed broker stays registered, fenced, and Kafka still places replicas on it; the creation that fails is the one
 * during a broker's controlled shutdown, "only 2 broker(s) are registered", which
 * {@link PublisherTopicNotCreatableKafkaTest} reproduces.)
 */
class PublisherBrokerDownKafkaTest {
    static LocalKafkaCluster cluster;
    static Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        dir = Files.createTempDirectory("publish-broker-down");
        cluster = LocalKafkaCluster.start(dir, 3, "384m");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.close();
    }

    @Test
    void newCountryTopicsWhileABrokerIsDownAndAfterItIsBackAreNotDeadLettered() throws Exception {
        String base = "broker-down-" + Long.toHexString(System.nanoTime());
        PublishTopics t = new PublishTopics(base + ".enriched", base + ".articles", base + ".articles.json",
                base + ".latest", base + ".country.", base + ".deadletter");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(t.enriched(), 3, (short) 3))).all().get();
        }
        Properties settings = new Properties();
        settings.setProperty("schema.registry.retry.max.ms", "200");
        try (PublisherService service = new PublisherService(io.newsflow.publish.config.PublisherConfig.builder()
                .bootstrapServers(cluster.bootstrapServers()).schemaRegistryUrl(TestSchemaRegistry.url())
                .groupId(base + "-publish").instanceId("0").topics(t).partitions(3).healthPort(0).settings(settings)
                .build()).start()) {
            produce(t.enriched(), Fixtures.enriched("before").build());
            await().atMost(Duration.ofSeconds(60)).until(() -> keys(t.articles()).contains("before"));

            cluster.kill(3);
            // a new country topic while a broker is down: Kafka places a replica on the dead (fenced, still registered)
            // broker, and writes go on with the two in sync; nothing waits long, nothing is dead-lettered
            EnrichedArticle nigeria = Fixtures.enriched("lagos").setCountries(
                    List.of(Fixtures.tag("NG", CountryRole.FOCUS, 0.9))).build();
            produce(t.enriched(), nigeria);
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> keys(t.country("NG")).contains("lagos") && keys(t.articles()).contains("lagos"));
            assertThat(keys(t.deadLetter())).as("nothing dead-lettered for a broker being down").isEmpty();

            cluster.start(3);
            EnrichedArticle kenya = Fixtures.enriched("nairobi").setCountries(
                    List.of(Fixtures.tag("KE", CountryRole.FOCUS, 0.9))).build();
            produce(t.enriched(), kenya);
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> keys(t.country("KE")).contains("nairobi"));
            assertThat(keys(t.articles())).containsExactlyInAnyOrder("before", "lagos", "nairobi");
            assertThat(keys(t.deadLetter())).isEmpty();
            assertThat(service.failure()).isNull();
        }
    }

    private static void produce(String topic, EnrichedArticle article) {
        SpecificAvroSerde<EnrichedArticle> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of("schema.registry.url", TestSchemaRegistry.url()), false);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(p, new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, article.getArticle().getId(), article));
            producer.flush();
        }
    }

    /** The keys a read_committed reader sees on the topic now (none when it does not exist yet). */
    private static List<String> keys(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            var infos = c.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) return out;
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) out.add(r.key());
            }
        }
        return out;
    }
}
