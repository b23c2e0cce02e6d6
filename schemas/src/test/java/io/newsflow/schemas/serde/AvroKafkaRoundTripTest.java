package io.newsflow.schemas.serde;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.registry.RegistryClientConfig;
import io.newsflow.schemas.registry.RestSchemaRegistryClient;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Avro on Confluent's wire format through the real broker and the real schema registry. */
class AvroKafkaRoundTripTest {
    private static final int COUNT = 50;

    @BeforeAll
    static void startBrokerAndRegistry() {
        RealServices.startTogether();
    }

    private static Map<String, Object> serdeConfig() {
        return Map.of("schema.registry.url", TestSchemaRegistry.url());
    }

    private static List<Article> produce(String topic) {
        Map<String, Object> producerConfig = new HashMap<>(serdeConfig());
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        List<Article> sent = new ArrayList<>();
        try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(producerConfig)) {
            for (int i = 0; i < COUNT; i++) {
                Article article = Fixtures.article("rt-" + i);
                producer.send(new ProducerRecord<>(topic, article.getId(), article));
                sent.add(article);
            }
            producer.flush();
        }
        return sent;
    }

    @Test
    void producerAndConsumerRoundTripWithConfluentFramingAndSubjects() {
        String topic = TestKafka.uniqueTopic("avro-rt");
        TestKafka.createTopics(1, topic);

        List<Article> sent = produce(topic);

        KafkaAvroDeserializer keys = new KafkaAvroDeserializer();
        keys.configure(serdeConfig(), true);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        Map<String, Object> specific = new HashMap<>(serdeConfig());
        specific.put("specific.avro.reader", true);
        values.configure(specific, false);
        List<ConsumerRecord<Object, Object>> received = TestKafka.awaitRecords(topic, COUNT, Duration.ofSeconds(60), keys, values);
        assertThat(received).extracting(ConsumerRecord::value).containsExactlyElementsOf(sent);
        assertThat(received).extracting(ConsumerRecord::key).containsExactlyElementsOf(sent.stream().map(Article::getId).toList());

        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(RegistryClientConfig.from(serdeConfig()));
        int valueId = registry.getLatestVersion(topic + "-value").id();
        int keyId = registry.getLatestVersion(topic + "-key").id();
        assertThat(registry.getSchemaById(valueId)).isEqualTo(Article.getClassSchema());
        List<ConsumerRecord<byte[], byte[]>> raw = TestKafka.readAll(topic);
        assertThat(raw).hasSize(COUNT).allSatisfy(record -> {
            assertThat(record.value()[0]).isEqualTo((byte) 0);
            assertThat(ConfluentWireFormat.schemaId(record.value(), topic)).isEqualTo(valueId);
            assertThat(ConfluentWireFormat.schemaId(record.key(), topic)).isEqualTo(keyId);
        });
    }

    @Test
    void kafkaStreamsReadsAndWritesWithTheConfiguredSpecificSerde() throws Exception {
        String input = TestKafka.uniqueTopic("avro-streams-in");
        String output = TestKafka.uniqueTopic("avro-streams-out");
        TestKafka.createTopics(1, input, output);
        List<Article> sent = produce(input);

        Serde<Article> articles = AvroSerdeFactory.specificSerde(serdeConfig(), false);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), articles))
                .mapValues(article -> Article.newBuilder(article).setHeadline(article.getHeadline().toUpperCase()).build())
                .to(output, Produced.with(Serdes.ByteArray(), articles));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, output + "-app");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("avro-streams").toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100); // output visible soon after it is produced

        // keys pass through as bytes (they are Avro strings in Confluent framing); values are read as Article
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            KafkaAvroDeserializer values = new KafkaAvroDeserializer();
            Map<String, Object> specific = new HashMap<>(serdeConfig());
            specific.put("specific.avro.reader", true);
            values.configure(specific, false);
            List<ConsumerRecord<byte[], Object>> out = TestKafka.awaitRecords(output, COUNT, Duration.ofSeconds(90),
                    new ByteArrayDeserializer(), values);
            assertThat(out).extracting(record -> ((Article) record.value()).getHeadline())
                    .containsOnly(sent.get(0).getHeadline().toUpperCase());
            assertThat(out).extracting(record -> ((Article) record.value()).getId())
                    .containsExactlyElementsOf(sent.stream().map(Article::getId).toList());
        }
    }
}
