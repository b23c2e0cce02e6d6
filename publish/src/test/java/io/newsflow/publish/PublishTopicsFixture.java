package io.newsflow.publish;

import io.newsflow.publish.config.PublishTopics;
import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.serde.SpecificAvroSerde;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Unique topic names per test on the shared test broker, plus helpers to feed and read them. */
final class PublishTopicsFixture {
    final PublishTopics topics;
    final String group;
    final SpecificAvroSerde<EnrichedArticle> serde = new SpecificAvroSerde<>();

    PublishTopicsFixture(String name) {
        String base = TestKafka.uniqueTopic(name);
        topics = new PublishTopics(base + ".enriched", base + ".articles", base + ".articles.json",
                base + ".latest", base + ".country.", base + ".deadletter");
        group = base + "-publish";
        serde.configure(Map.of("schema.registry.url", TestSchemaRegistry.url(), "specific.avro.reader", true), false);
        TestKafka.createTopics(3, topics.enriched());
    }

    PublisherConfig.Builder config() {
        return PublisherConfig.builder()
                .bootstrapServers(TestKafka.bootstrapServers())
                .schemaRegistryUrl(TestSchemaRegistry.url())
                .groupId(group)
                .instanceId("0")
                .topics(topics)
                .partitions(3)
                .healthPort(0);
    }

    void produce(List<EnrichedArticle> articles) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, EnrichedArticle> producer =
                     new KafkaProducer<>(p, new StringSerializer(), serde.serializer())) {
            for (EnrichedArticle a : articles) {
                producer.send(new ProducerRecord<>(topics.enriched(), a.getArticle().getId(), a));
            }
            producer.flush();
        }
    }

    void produceRaw(String key, byte[] value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(p, new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.enriched(), key, value));
            producer.flush();
        }
    }

    List<ConsumerRecord<String, EnrichedArticle>> readArticles(String topic) {
        return TestKafka.readAll(topic, new StringDeserializer(), serde.deserializer());
    }

    List<ConsumerRecord<String, byte[]>> readBytes(String topic) {
        return TestKafka.readAll(topic, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
