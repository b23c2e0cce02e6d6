package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.RegistryUnreachableException;
import io.newsflow.schemas.registry.SchemaNotFoundException;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.registry.SchemaRegistryException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Confluent's wire format: fetches the writer schema by the id in the record (once per id), and reads into
 * GenericRecord or, with {@code specific.avro.reader=true}, into the generated class of the record's name, resolving
 * the writer's schema to the class's (schema evolution). A drop-in for Confluent's KafkaAvroDeserializer.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {
    private static final Logger log = LoggerFactory.getLogger(KafkaAvroDeserializer.class);
    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** For Kafka's reflective instantiation; call {@link #configure(Map, boolean)}. */
    public KafkaAvroDeserializer() {
    }

    /** Uses the given client instead of one built from {@code schema.registry.url}. */
    public KafkaAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = SchemaRegistryClients.cached(registry);
    }

    public KafkaAvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs) {
        this(registry);
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        if (registry == null) {
            registry = SchemaRegistryClients.fromConfig(configs);
        }
        readers.clear();
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaAvroDeserializer is not configured: call configure(...) with "
                    + "schema.registry.url, or let the Kafka client do it");
        }
        int id = ConfluentWireFormat.schemaId(data, topic);
        DatumReader<Object> reader = readers.computeIfAbsent(id, schemaId -> readerFor(schemaId, topic));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, ConfluentWireFormat.HEADER_SIZE,
                data.length - ConfluentWireFormat.HEADER_SIZE, null);
        try {
            Object value = reader.read(null, decoder);
            // primitives come back as Confluent's deserializer returns them: String, byte[]
            if (value instanceof Utf8) {
                return value.toString();
            }
            if (value instanceof ByteBuffer buffer) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            }
            return value;
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException("Cannot read the Avro data of a record from topic '" + topic
                    + "' with schema id " + id + " (" + data.length + " bytes): " + e, e);
        }
    }

    private DatumReader<Object> readerFor(int id, String topic) {
        Schema writer;
        try {
            writer = registry.getSchemaById(id);
        } catch (SchemaNotFoundException e) {
            throw new SerializationException("Unknown schema id " + id + " in a record from topic '" + topic
                    + "': the registry has no such schema: " + e.getMessage(), e);
        } catch (RegistryUnreachableException e) {
            throw new SerializationException("Cannot fetch schema id " + id + " for a record from topic '" + topic
                    + "': schema registry unreachable: " + e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot fetch schema id " + id + " for a record from topic '" + topic
                    + "': " + e.getMessage(), e);
        }
        log.info("Schema fetched: id={} name={} topic={} reader={}", id, writer.getFullName(), topic,
                config.specificReader() ? "specific" : "generic");
        return config.specificReader() ? AvroDatumReaders.specific(writer, id, topic) : AvroDatumReaders.generic(writer);
    }

    @Override
    public void close() {
        // the registry client holds no resources that need closing
    }
}
