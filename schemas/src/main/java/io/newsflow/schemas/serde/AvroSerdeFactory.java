package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.ConfigValues;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/**
 * Picks the Avro serde, serializer and deserializer classes from config, so a deployment with Confluent's Maven
 * repository can run Confluent's classes instead of ours by configuration alone (see schemas/README.md). Any class
 * with a public no-arg constructor and Kafka's configure(Map, boolean) contract works.
 */
public final class AvroSerdeFactory {
    /** Kafka Streams serde for generated classes; Confluent's: io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde. */
    public static final String SERDE_CLASS = "newsflow.avro.serde.class";
    /** Producer serializer; Confluent's: io.confluent.kafka.serializers.KafkaAvroSerializer. */
    public static final String SERIALIZER_CLASS = "newsflow.avro.serializer.class";
    /** Consumer deserializer; Confluent's: io.confluent.kafka.serializers.KafkaAvroDeserializer. */
    public static final String DESERIALIZER_CLASS = "newsflow.avro.deserializer.class";

    private AvroSerdeFactory() {
    }

    /** A configured serde for generated Avro classes, of the class {@value #SERDE_CLASS} names (ours by default). */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> Serde<T> specificSerde(Map<String, ?> configs, boolean isKey) {
        Serde<T> serde = instantiate(configs, SERDE_CLASS, SpecificAvroSerde.class, Serde.class);
        serde.configure(configs, isKey);
        return serde;
    }

    /** A configured serializer of the class {@value #SERIALIZER_CLASS} names (ours by default). */
    @SuppressWarnings("unchecked")
    public static <T> Serializer<T> serializer(Map<String, ?> configs, boolean isKey) {
        Serializer<T> serializer = instantiate(configs, SERIALIZER_CLASS, KafkaAvroSerializer.class, Serializer.class);
        serializer.configure(configs, isKey);
        return serializer;
    }

    /** A configured deserializer of the class {@value #DESERIALIZER_CLASS} names (ours by default). */
    @SuppressWarnings("unchecked")
    public static <T> Deserializer<T> deserializer(Map<String, ?> configs, boolean isKey) {
        Deserializer<T> deserializer = instantiate(configs, DESERIALIZER_CLASS, KafkaAvroDeserializer.class, Deserializer.class);
        deserializer.configure(configs, isKey);
        return deserializer;
    }

    @SuppressWarnings("rawtypes")
    private static <R> R instantiate(Map<String, ?> configs, String key, Class<?> defaultClass, Class<R> expected) {
        String name = new ConfigValues(configs).string(defaultClass.getName(), key);
        Class<?> type;
        try {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            type = Class.forName(name, true, context != null ? context : AvroSerdeFactory.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            String hint = name.startsWith("io.confluent.")
                    ? "; Confluent's serdes come from https://packages.confluent.io/maven/ (io.confluent:kafka-avro-serializer, "
                      + "kafka-streams-avro-serde): add them to the classpath"
                    : "";
            throw new ConfigException(key, name, "class not found on the classpath" + hint);
        }
        if (!expected.isAssignableFrom(type)) {
            throw new ConfigException(key, name, "is not a " + expected.getName());
        }
        try {
            return expected.cast(type.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(key, name, "cannot be created with a public no-arg constructor: " + e);
        }
    }
}
