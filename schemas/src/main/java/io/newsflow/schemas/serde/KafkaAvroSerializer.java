package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.RegisteredSchema;
import io.newsflow.schemas.registry.RegistryUnreachableException;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.registry.SchemaRegistryException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Avro serializer producing Confluent's wire format (magic byte 0, 4-byte schema id, Avro binary) and configured
 * with Confluent's keys: a drop-in for {@code io.confluent.kafka.serializers.KafkaAvroSerializer}.
 * Serializes SpecificRecord, GenericRecord and Avro primitives; null stays null (tombstones).
 */
public class KafkaAvroSerializer implements Serializer<Object> {
    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final AvroDatumWriters writers = new AvroDatumWriters();
    private final Map<StrictCheck, Boolean> strictChecks = new ConcurrentHashMap<>();

    private volatile SameSchema lastComparison;

    private record StrictCheck(Schema latest, Schema own) {
    }

    private record SameSchema(Schema writer, Schema own, boolean equal) {
    }

    /** For Kafka's reflective instantiation; call {@link #configure(Map, boolean)}. */
    public KafkaAvroSerializer() {
    }

    /** Uses the given client instead of one built from {@code schema.registry.url}. */
    public KafkaAvroSerializer(SchemaRegistryClient registry) {
        this.registry = SchemaRegistryClients.cached(registry);
    }

    public KafkaAvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs) {
        this(registry);
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
        if (registry == null) {
            registry = SchemaRegistryClients.fromConfig(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaAvroSerializer is not configured: call configure(...) with "
                    + "schema.registry.url, or let the Kafka client do it");
        }
        Schema own = AvroSchemas.schemaOf(value);
        String subject = config.strategy(isKey).subjectName(topic, isKey, own);
        int id;
        Schema writerSchema = own;
        try {
            if (config.autoRegister()) {
                id = registry.register(subject, own);
            } else if (config.useLatestVersion()) {
                RegisteredSchema latest = registry.getLatestVersion(subject);
                checkLatestCanRead(latest, own, subject);
                id = latest.id();
                writerSchema = latest.schema();
            } else {
                id = registry.lookup(subject, own).id();
            }
        } catch (RegistryUnreachableException e) {
            throw new SerializationException("Cannot serialize a record for topic '" + topic + "' (subject '" + subject
                    + "'): schema registry unreachable: " + e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            String action = config.autoRegister() ? "registering" : config.useLatestVersion()
                    ? "fetching the latest schema of" : "looking up the schema (auto.register.schemas=false) under";
            throw new SerializationException("Error " + action + " subject '" + subject + "' for topic '" + topic
                    + "': " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        ConfluentWireFormat.writeHeader(out, id);
        try {
            if (sameSchema(writerSchema, own)) {
                writers.write(value, own, out);
            } else {
                writers.writeAs(value, own, writerSchema, out);
            }
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("Cannot write a " + own.getFullName() + " for topic '" + topic
                    + "' with schema id " + id + ": " + e, e);
        }
        return out.toByteArray();
    }

    /** Schema equality is a deep comparison: remember the last answer, the pair rarely changes. */
    private boolean sameSchema(Schema writer, Schema own) {
        if (writer == own) {
            return true;
        }
        SameSchema last = lastComparison;
        if (last != null && last.writer() == writer && last.own() == own) {
            return last.equal();
        }
        boolean equal = writer.equals(own);
        lastComparison = new SameSchema(writer, own, equal);
        return equal;
    }

    private void checkLatestCanRead(RegisteredSchema latest, Schema own, String subject) {
        if (!config.latestCompatStrict() || sameSchema(latest.schema(), own)) {
            return;
        }
        boolean compatible = strictChecks.computeIfAbsent(new StrictCheck(latest.schema(), own), check ->
                SchemaCompatibility.checkReaderWriterCompatibility(check.latest(), check.own()).getType()
                        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        if (!compatible) {
            throw new SerializationException("Latest schema of subject '" + subject + "' (id " + latest.id()
                    + ", version " + latest.version() + ") cannot read records of the producer's schema "
                    + own.getFullName() + "; register a compatible schema or set latest.compatibility.strict=false");
        }
    }

    @Override
    public void close() {
        // the registry client holds no resources that need closing
    }
}
