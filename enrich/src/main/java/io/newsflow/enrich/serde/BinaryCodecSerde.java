package io.newsflow.enrich.serde;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact hand-written encoding for internal state values. Each starts with a format byte so a
 * later layout can still read changelogs written by this one.
 */
public abstract class BinaryCodecSerde<T> implements Serde<T> {
    private final byte format;

    protected BinaryCodecSerde(int format) {
        this.format = (byte) format;
    }

    protected abstract void write(DataOutputStream out, T value) throws IOException;

    protected abstract T read(DataInputStream in, int format) throws IOException;

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) return null;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(format);
                write(out, value);
            } catch (IOException e) {
                throw new SerializationException(e);
            }
            return bytes.toByteArray();
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) return null;
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                int f = in.readByte();
                if (f > format) {
                    throw new SerializationException("state written by a newer layout (" + f + " > " + format + ")");
                }
                return read(in, f);
            } catch (IOException e) {
                throw new SerializationException(e);
            }
        };
    }

    protected static void writeNullableString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s.length() > 8000 ? s.substring(0, 8000) : s);
    }

    protected static String readNullableString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
