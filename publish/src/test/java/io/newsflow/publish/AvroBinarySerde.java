package io.newsflow.publish;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Plain Avro binary (no registry) for unit tests of the routing logic; the services use the registry serde. */
public final class AvroBinarySerde<T extends SpecificRecord> implements Serializer<T>, Deserializer<T> {
    private final Schema schema;

    public AvroBinarySerde(Schema schema) {
        this.schema = schema;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void close() {
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<T>(schema).write(data, enc);
            enc.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new SerializationException(e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            BinaryDecoder dec = DecoderFactory.get().binaryDecoder(data, null);
            return new SpecificDatumReader<T>(schema).read(null, dec);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not Avro " + schema.getName() + ": " + e, e);
        }
    }
}
