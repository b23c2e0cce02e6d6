package io.newsflow.schemas.serde;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import io.newsflow.schemas.registry.MockSchemaRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Serializer, deserializer and serde against the mock:// registry. */
class KafkaAvroSerdeTest {
    private final String scope = "serde-" + UUID.randomUUID();
    private final InMemorySchemaRegistry registry = MockSchemaRegistry.getClientForScope(scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    private Map<String, Object> config(Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", "mock://" + scope);
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    private KafkaAvroSerializer serializer(boolean isKey, Object... keyValues) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config(keyValues), isKey);
        return serializer;
    }

    private KafkaAvroDeserializer deserializer(Object... keyValues) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config(keyValues), false);
        return deserializer;
    }

    @Test
    void specificRecordRoundTripsAndRegistersUnderTopicValueSubject() {
        Article article = Fixtures.article("a-1");
        byte[] bytes = serializer(false).serialize("news.articles.raw", article);

        Object read = deserializer("specific.avro.reader", "true").deserialize("news.articles.raw", bytes);

        assertThat(read).isInstanceOf(Article.class).isEqualTo(article);
        assertThat(registry.getLatestVersion("news.articles.raw-value").schema()).isEqualTo(Article.getClassSchema());
    }

    @Test
    void genericReaderIsTheDefault() {
        byte[] bytes = serializer(false).serialize("t", Fixtures.article("a-2"));

        Object read = deserializer().deserialize("t", bytes);

        assertThat(read).isInstanceOf(GenericRecord.class).isNotInstanceOf(Article.class);
        GenericRecord record = (GenericRecord) read;
        assertThat(record.get("id")).hasToString("a-2");
        assertThat(record.get("created")).isEqualTo(Fixtures.article("a-2").getCreated().toEpochMilli());
    }

    @Test
    void keysUseTheKeySubjectAndPrimitiveSchemas() {
        byte[] bytes = serializer(true).serialize("news.articles.raw", "a-3");

        assertThat(registry.getLatestVersion("news.articles.raw-key").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(deserializer().deserialize("news.articles.raw", bytes)).isEqualTo("a-3");
    }

    @Test
    void recordNameStrategyGivenByConfluentClassNameIsHonoured() {
        serializer(false, "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy")
                .serialize("t", Fixtures.article("a-4"));

        assertThat(registry.getLatestVersion("io.newsflow.schemas.avro.Article").id()).isPositive();
    }

    @Test
    void nullStaysNullForTombstones() {
        assertThat(serializer(false).serialize("t", null)).isNull();
        assertThat(deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void manyRecordsCostOneRegistryCallEachWay() {
        KafkaAvroSerializer serializer = serializer(false);
        KafkaAvroDeserializer deserializer = deserializer("specific.avro.reader", true);
        byte[][] encoded = new byte[1000][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = serializer.serialize("t", Fixtures.article("a-" + i));
        }
        assertThat(registry.requestCount()).isEqualTo(1);

        for (int i = 0; i < encoded.length; i++) {
            assertThat(((Article) deserializer.deserialize("t", encoded[i])).getId()).isEqualTo("a-" + i);
        }
        assertThat(registry.requestCount()).isEqualTo(2);
    }

    @Test
    void specificSerdeRoundTrips() {
        try (Serde<Article> serde = new SpecificAvroSerde<>()) {
            serde.configure(config(), false);
            Article article = Fixtures.article("a-5");
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", article))).isEqualTo(article);
        }
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsRefusedNamingTheSubject() {
        KafkaAvroSerializer serializer = serializer(false, "auto.register.schemas", "false");

        assertThatThrownBy(() -> serializer.serialize("orders", Fixtures.article("a-6")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject 'orders-value'")
                .hasMessageContaining("auto.register.schemas=false")
                .hasMessageContaining("subject not found");
    }

    @Test
    void withoutAutoRegisterARegisteredSchemaIsLookedUp() {
        int id = registry.register("orders-value", Article.getClassSchema());

        byte[] bytes = serializer(false, "auto.register.schemas", false).serialize("orders", Fixtures.article("a-7"));

        assertThat(ConfluentWireFormat.schemaId(bytes, "orders")).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchema() {
        Schema newer = Fixtures.articleWithExtraField("priority", Schema.create(Schema.Type.INT), 0, true);
        registry.register("t-value", Article.getClassSchema());
        int latestId = registry.register("t-value", newer);

        byte[] bytes = serializer(false, "auto.register.schemas", false, "use.latest.version", true)
                .serialize("t", Fixtures.article("a-8"));

        assertThat(ConfluentWireFormat.schemaId(bytes, "t")).isEqualTo(latestId);
        GenericRecord read = (GenericRecord) deserializer().deserialize("t", bytes);
        assertThat(read.getSchema()).isEqualTo(newer);
        assertThat(read.get("priority")).isEqualTo(0);
        assertThat(read.get("id")).hasToString("a-8");
    }

    @Test
    void unknownMagicByteIsNamed() {
        byte[] json = "{\"id\":1}".getBytes();

        assertThatThrownBy(() -> deserializer().deserialize("news.articles.raw", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x7b")
                .hasMessageContaining("news.articles.raw");
    }

    @Test
    void unknownSchemaIdIsNamed() {
        byte[] bytes = {0, 0, 0, 0x30, 0x39, 2}; // id 12345

        assertThatThrownBy(() -> deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown schema id 12345")
                .hasMessageContaining("topic 't'");
    }

    @Test
    void truncatedAvroIsReportedWithItsSchemaId() {
        byte[] bytes = serializer(false).serialize("t", Fixtures.article("a-9"));
        byte[] truncated = java.util.Arrays.copyOf(bytes, 12);

        assertThatThrownBy(() -> deserializer().deserialize("t", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id " + ConfluentWireFormat.schemaId(bytes, "t"));
    }

    @Test
    void registryDownIsReportedWithItsUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/apis/ccompat/v7";
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", url, "http.connect.timeout.ms", 2000), false);

        assertThatThrownBy(() -> serializer.serialize("t", Fixtures.article("a-10")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject 't-value'")
                .hasMessageContaining("unreachable")
                .hasMessageContaining(url);

        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", url), false);
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[]{0, 0, 0, 0, 7, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 7")
                .hasMessageContaining(url);
    }

    @Test
    void missingClassForSpecificReaderIsNamed() {
        Schema unknown = new Schema.Parser().parse("""
                {"type":"record","name":"Gone","namespace":"io.newsflow.nowhere","fields":[{"name":"x","type":"int"}]}""");
        org.apache.avro.generic.GenericData.Record record = new org.apache.avro.generic.GenericData.Record(unknown);
        record.put("x", 1);
        byte[] bytes = serializer(false).serialize("t", record);

        assertThatThrownBy(() -> deserializer("specific.avro.reader", true).deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.newsflow.nowhere.Gone")
                .hasMessageContaining("specific.avro.reader=false");
    }

    @Test
    void unsupportedValueTypeIsNamed() {
        assertThatThrownBy(() -> serializer(false).serialize("t", new java.util.Date()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.util.Date");
    }
    @Test
    void primitivesRoundTripAsConfluentReturnsThem() {
        KafkaAvroSerializer serializer = serializer(true);
        KafkaAvroDeserializer deserializer = deserializer();
        Object[] values = {42, 42L, 1.5f, 2.5d, true, "text", new byte[]{1, 2, 3}};
        for (int i = 0; i < values.length; i++) {
            String topic = "p" + i; // one topic per type: BACKWARD refuses e.g. double -> boolean in one subject
            assertThat(deserializer.deserialize(topic, serializer.serialize(topic, values[i]))).isEqualTo(values[i]);
        }
    }

    @Test
    void genericSerdeRoundTrips() {
        GenericRecord record = Fixtures.asGeneric(Fixtures.article("g-1"), Article.getClassSchema());
        try (GenericAvroSerde serde = new GenericAvroSerde()) {
            serde.configure(config(), false);
            GenericRecord read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", record));
            assertThat(read).isNotInstanceOf(Article.class).isEqualTo(record);
        }
    }

    @Test
    void serdeWithAGivenClientUsesIt() {
        InMemorySchemaRegistry own = new InMemorySchemaRegistry("given");
        try (SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>(own)) {
            serde.configure(Map.of(), false); // no schema.registry.url needed with a client given
            Article article = Fixtures.article("c-1");
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", article))).isEqualTo(article);
        }
        assertThat(own.getLatestVersion("t-value").schema()).isEqualTo(Article.getClassSchema());
        assertThat(registry.requestCount()).isZero();
    }

    @Test
    void useLatestVersionRefusesALatestSchemaThatCannotReadTheRecord() {
        registry.updateCompatibility("t-value", io.newsflow.schemas.registry.CompatibilityLevel.NONE);
        registry.register("t-value", Fixtures.articleWithExtraField("priority", Schema.create(Schema.Type.INT), null, false));
        KafkaAvroSerializer serializer = serializer(false, "auto.register.schemas", false, "use.latest.version", true);

        assertThatThrownBy(() -> serializer.serialize("t", Fixtures.article("s-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Latest schema of subject 't-value'")
                .hasMessageContaining("latest.compatibility.strict=false");
    }

    @Test
    void badBooleanConfigIsNamed() {
        assertThatThrownBy(() -> serializer(false, "auto.register.schemas", "yes"))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
                .hasMessageContaining("auto.register.schemas");
    }
}
