package io.newsflow.schemas.serde;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.registry.CompatibilityLevel;
import io.newsflow.schemas.registry.IncompatibleSchemaException;
import io.newsflow.schemas.registry.RegisteredSchema;
import io.newsflow.schemas.registry.RegistryClientConfig;
import io.newsflow.schemas.registry.RestSchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaNotFoundException;
import io.newsflow.testkit.TestSchemaRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schema evolution against the real registry (Apicurio's Confluent API), subject compatibility BACKWARD. */
class RealRegistryCompatibilityTest {
    private final String topic = "compat-" + UUID.randomUUID();
    private final String subject = topic + "-value";
    private Map<String, Object> config;
    private RestSchemaRegistryClient registry;

    @BeforeAll
    static void startBrokerAndRegistry() {
        RealServices.startTogether();
    }

    @BeforeEach
    void connect() {
        config = Map.of("schema.registry.url", TestSchemaRegistry.url());
        registry = new RestSchemaRegistryClient(RegistryClientConfig.from(config));
    }

    /** Version 1 = the Article class the "old reader" is compiled with; then the subject is set to BACKWARD. */
    private int registerVersionOneAsBackward() {
        int id = registry.register(subject, Article.getClassSchema());
        assertThat(registry.updateCompatibility(subject, CompatibilityLevel.BACKWARD)).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(registry.getCompatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD);
        return id;
    }

    @Test
    void oldReaderReadsDataWrittenWithANewerSchema() {
        int v1 = registerVersionOneAsBackward();
        Schema newer = Fixtures.articleWithExtraField("priority", Schema.create(Schema.Type.INT), 0, true);
        GenericRecord newRecord = Fixtures.asGeneric(Fixtures.article("n-1"), newer);
        newRecord.put("priority", 9);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);

        byte[] bytes = serializer.serialize(topic, newRecord);

        int v2 = ConfluentWireFormat.schemaId(bytes, topic);
        assertThat(v2).isNotEqualTo(v1);
        RegisteredSchema latest = registry.getLatestVersion(subject);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(v2);
        assertThat(registry.getSchemaById(v2)).isEqualTo(newer);
        KafkaAvroDeserializer oldReader = new KafkaAvroDeserializer();
        oldReader.configure(Map.of("schema.registry.url", TestSchemaRegistry.url(), "specific.avro.reader", true), false);
        assertThat(oldReader.deserialize(topic, bytes)).isEqualTo(Fixtures.article("n-1"));
    }

    @Test
    void fieldAddedWithoutDefaultIsRefusedWith409() {
        registerVersionOneAsBackward();
        Schema noDefault = Fixtures.articleWithExtraField("priority", Schema.create(Schema.Type.INT), null, false);

        assertThat(registry.testCompatibility(subject, noDefault)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, noDefault))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("subject '" + subject + "'")
                .hasMessageContaining("409")
                .satisfies(e -> assertThat(((IncompatibleSchemaException) e).status()).isEqualTo(409));
        assertThat(registry.getLatestVersion(subject).version()).isEqualTo(1);
    }

    @Test
    void fieldTypeChangeIsRefusedAlsoThroughTheSerializer() {
        registerVersionOneAsBackward();
        Schema changed = Fixtures.articleWithFieldType("version", Schema.create(Schema.Type.STRING));
        GenericRecord v2 = Fixtures.asGeneric(Fixtures.article("c-1"), Article.getClassSchema());
        GenericRecord record = new org.apache.avro.generic.GenericData.Record(changed);
        changed.getFields().forEach(field -> record.put(field.name(), v2.get(field.name())));
        record.put("version", "two");
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);

        assertThat(registry.testCompatibility(subject, changed)).isFalse();
        assertThatThrownBy(() -> serializer.serialize(topic, record))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject '" + subject + "'")
                .hasMessageContaining("incompatible")
                .hasRootCauseInstanceOf(IncompatibleSchemaException.class);
        assertThat(registry.getLatestVersion(subject).version()).isEqualTo(1);
    }

    @Test
    void compatibleSchemaPassesTheCompatibilityTest() {
        registerVersionOneAsBackward();
        Schema newer = Fixtures.articleWithExtraField("priority", Schema.create(Schema.Type.INT), 0, true);

        assertThat(registry.testCompatibility(subject, newer)).isTrue();
    }

    @Test
    void lookupFindsTheRegisteredIdAndAutoRegisterOffUsesIt() {
        int id = registerVersionOneAsBackward();

        RegisteredSchema found = registry.lookup(subject, Article.getClassSchema());
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.version()).isEqualTo(1);
        assertThat(registry.register(subject, Article.getClassSchema())).isEqualTo(id);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", TestSchemaRegistry.url(), "auto.register.schemas", false), false);
        assertThat(ConfluentWireFormat.schemaId(serializer.serialize(topic, Fixtures.article("l-1")), topic)).isEqualTo(id);
    }

    @Test
    void unknownIdIs404With40403AndNamedByTheDeserializer() {
        int unknown = 987_654_321;

        assertThatThrownBy(() -> registry.getSchemaById(unknown))
                .isInstanceOf(SchemaNotFoundException.class)
                .hasMessageContaining("schema id " + unknown)
                .satisfies(e -> assertThat(((SchemaNotFoundException) e).errorCode()).isEqualTo(40403));
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        byte[] bytes = {0, (byte) (unknown >>> 24), (byte) (unknown >>> 16), (byte) (unknown >>> 8), (byte) unknown, 2};
        assertThatThrownBy(() -> deserializer.deserialize(topic, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown schema id " + unknown);
    }

    @Test
    void unknownSubjectIsNamed() {
        assertThatThrownBy(() -> registry.getLatestVersion(subject))
                .isInstanceOf(SchemaNotFoundException.class)
                .hasMessageContaining(subject);
    }
}
