package io.newsflow.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes values as Avro binary, with one (thread-safe) DatumWriter per schema and kind of value. */
final class AvroDatumWriters {
    private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();
    private final Map<Schema, DatumWriter<Object>> specific = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> generic = new ConcurrentHashMap<>();

    /** Appends the Avro binary of {@code value} written with {@code schema}, which must be the value's own schema. */
    void write(Object value, Schema schema, ByteArrayOutputStream out) throws IOException {
        Object datum = value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
        DatumWriter<Object> writer = datum instanceof SpecificRecord
                ? specific.computeIfAbsent(schema, s -> new SpecificDatumWriter<>(s, SpecificData.getForSchema(s)))
                : generic.computeIfAbsent(schema, s -> new GenericDatumWriter<>(s, GenericData.get()));
        // buffered encoder, reused per thread: the direct one costs a call per byte
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODERS.get());
        ENCODERS.set(encoder);
        writer.write(datum, encoder);
        encoder.flush();
    }

    /**
     * Appends the Avro binary of {@code value} written with {@code target}, another schema that can read the
     * value's own: the value is resolved into the target's shape first (fields matched by name, defaults filled).
     */
    void writeAs(Object value, Schema own, Schema target, ByteArrayOutputStream out) throws IOException {
        ByteArrayOutputStream ownBytes = new ByteArrayOutputStream();
        write(value, own, ownBytes);
        Object resolved = new GenericDatumReader<>(own, target, GenericData.get())
                .read(null, DecoderFactory.get().binaryDecoder(ownBytes.toByteArray(), null));
        write(resolved, target, out);
    }
}
