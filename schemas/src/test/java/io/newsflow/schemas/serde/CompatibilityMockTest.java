package io.newsflow.schemas.serde;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.registry.CompatibilityLevel;
import io.newsflow.schemas.registry.IncompatibleSchemaException;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import io.newsflow.schemas.registry.MockSchemaRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schema evolution under BACKWARD compatibility, with the in-memory registry. */
class CompatibilityMockTest {
    private final String scope = "compat-" + UUID.randomUUID();
    private final InMemorySchemaRegistry registry = MockSchemaRegistry.getClientForScope(scope);
    private final Map<String, Object> config = Map.of("schema.registry.url", "mock://" + scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void oldReaderReadsDataWrittenWithANewerSchema() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        serializer.serialize("t", Fixtures.article("old")); // version 1: the schema the reader was built with
        Schema newer = Fixtures.articleWithExtraField("priority", Schema.create(Schema.Type.INT), 0, true);
        GenericRecord newRecord = Fixtures.asGeneric(Fixtures.article("new"), newer);
        newRecord.put("priority", 7);

        byte[] bytes = serializer.serialize("t", newRecord);

        KafkaAvroDeserializer oldReader = new KafkaAvroDeserializer();
        oldReader.configure(Map.of("schema.registry.url", "mock://" + scope, "specific.avro.reader", true), false);
        Article read = (Article) oldReader.deserialize("t", bytes);
        assertThat(read).isEqualTo(Fixtures.article("new"));
        assertThat(registry.getLatestVersion("t-value").version()).isEqualTo(2);
    }

    @Test
    void addingAFieldWithoutDefaultIsRefused() {
        registry.register("t-value", Article.getClassSchema());
        Schema noDefault = Fixtures.articleWithExtraField("priority", Schema.create(Schema.Type.INT), null, false);

        assertThat(registry.testCompatibility("t-value", noDefault)).isFalse();
        assertThatThrownBy(() -> registry.register("t-value", noDefault))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("subject 't-value'")
                .hasMessageContaining("priority");
    }

    @Test
    void changingAFieldTypeIsRefusedAlsoThroughTheSerializer() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        serializer.serialize("t", Fixtures.article("v1"));
        Schema changed = Fixtures.articleWithFieldType("version", Schema.create(Schema.Type.STRING));
        GenericRecord v2 = Fixtures.asGeneric(Fixtures.article("v2"), Article.getClassSchema());
        GenericRecord record = new org.apache.avro.generic.GenericData.Record(changed);
        changed.getFields().forEach(field -> record.put(field.name(), v2.get(field.name())));
        record.put("version", "two");

        assertThatThrownBy(() -> serializer.serialize("t", record))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject 't-value'")
                .hasMessageContaining("incompatible")
                .hasRootCauseInstanceOf(IncompatibleSchemaException.class);
        assertThat(registry.getLatestVersion("t-value").version()).isEqualTo(1);
    }

    @Test
    void noneAcceptsWhatBackwardRefuses() {
        registry.register("t-value", Article.getClassSchema());
        registry.updateCompatibility("t-value", CompatibilityLevel.NONE);
        Schema changed = Fixtures.articleWithFieldType("version", Schema.create(Schema.Type.STRING));

        assertThat(registry.register("t-value", changed)).isPositive();
        assertThat(registry.getCompatibility("t-value")).isEqualTo(CompatibilityLevel.NONE);
    }

    @Test
    void sameSchemaGetsTheSameIdAndNoNewVersion() {
        int first = registry.register("a-value", Article.getClassSchema());
        int again = registry.register("a-value", Article.getClassSchema());
        int otherSubject = registry.register("b-value", Article.getClassSchema());

        assertThat(again).isEqualTo(first);
        assertThat(otherSubject).isEqualTo(first);
        assertThat(registry.getLatestVersion("a-value").version()).isEqualTo(1);
    }
}
