package io.newsflow.enrich.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Plain Avro binary (no registry header) for topics and stores private to the enrich app: the
 * repartition topic and state stores never leave the app, so they skip the registry round trip.
 * Contract topics use the registry serde passed to the topology.
 */
public final class AvroBinarySerde<T extends SpecificRecordBase> implements Serde<T> {
    private final SpecificDatumWriter<T> writer;
    private final SpecificDatumReader<T> reader;

    public AvroBinarySerde(Class<T> type) {
        this.writer = new SpecificDatumWriter<>(type);
        this.reader = new SpecificDatumReader<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) return null;
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            try {
                writer.write(value, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) return null;
            try {
                BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
                return reader.read(null, decoder);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read Avro " + reader.getExpected().getName()
                        + " from " + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
