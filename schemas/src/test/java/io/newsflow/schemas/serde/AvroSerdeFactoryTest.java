package io.newsflow.schemas.serde;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.registry.MockSchemaRegistry;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroSerdeFactoryTest {
    private static final String SCOPE = "factory";

    @AfterEach
    void drop() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void oursByDefaultAndConfigured() {
        Serde<Article> serde = AvroSerdeFactory.specificSerde(Map.of("schema.registry.url", "mock://" + SCOPE), false);

        assertThat(serde).isInstanceOf(SpecificAvroSerde.class);
        Article article = Fixtures.article("f-1");
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", article))).isEqualTo(article);
    }

    @Test
    void classNamedInConfigIsUsed() {
        Serializer<Object> serializer = AvroSerdeFactory.serializer(Map.of(
                "schema.registry.url", "mock://" + SCOPE,
                AvroSerdeFactory.SERIALIZER_CLASS, CountingSerializer.class.getName()), true);

        assertThat(serializer).isInstanceOf(CountingSerializer.class);
        assertThat(((CountingSerializer) serializer).configuredAsKey).isTrue();
    }

    @Test
    void missingConfluentClassSaysWhereItComesFrom() {
        assertThatThrownBy(() -> AvroSerdeFactory.specificSerde(Map.of(
                "schema.registry.url", "http://127.0.0.1:8081",
                AvroSerdeFactory.SERDE_CLASS, "io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeFactory.SERDE_CLASS)
                .hasMessageContaining("packages.confluent.io");
    }

    @Test
    void classOfTheWrongKindIsRefused() {
        assertThatThrownBy(() -> AvroSerdeFactory.specificSerde(Map.of(
                AvroSerdeFactory.SERDE_CLASS, String.class.getName()), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not a org.apache.kafka.common.serialization.Serde");
    }

    /** Stands in for a third-party serializer with the Kafka no-arg + configure contract. */
    public static final class CountingSerializer implements Serializer<Object> {
        boolean configuredAsKey;

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            configuredAsKey = isKey;
        }

        @Override
        public byte[] serialize(String topic, Object data) {
            return new byte[0];
        }
    }
}
