package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.HashMap;
import java.util.Map;

/**
 * Kafka Streams serde for generated Avro classes on Confluent's wire format; same constructor and configure
 * contract as {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}, so either can be named in config.
 * Always reads specific records ({@code specific.avro.reader} is forced to true).
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final KafkaAvroSerializer serializer;
    private final KafkaAvroDeserializer deserializer;

    public SpecificAvroSerde() {
        this.serializer = new KafkaAvroSerializer();
        this.deserializer = new KafkaAvroDeserializer();
    }

    /** Uses the given client instead of one built from {@code schema.registry.url}. */
    public SpecificAvroSerde(SchemaRegistryClient registry) {
        this.serializer = new KafkaAvroSerializer(registry);
        this.deserializer = new KafkaAvroDeserializer(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer.configure(specific, isKey);
        deserializer.configure(specific, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return new Serializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                SpecificAvroSerde.this.configure(configs, isKey);
            }

            @Override
            public byte[] serialize(String topic, T value) {
                return serializer.serialize(topic, value);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return new Deserializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                SpecificAvroSerde.this.configure(configs, isKey);
            }

            @Override
            @SuppressWarnings("unchecked")
            public T deserialize(String topic, byte[] data) {
                return (T) deserializer.deserialize(topic, data);
            }
        };
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
