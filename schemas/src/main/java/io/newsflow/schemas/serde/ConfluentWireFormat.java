package io.newsflow.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

import java.io.ByteArrayOutputStream;

/**
 * Confluent's framing of a schema-registry record: magic byte 0, the schema id as 4 bytes big-endian, then the
 * payload (here Avro binary). Any Confluent-compatible consumer reads it; so do we for theirs.
 */
public final class ConfluentWireFormat {
    public static final byte MAGIC_BYTE = 0x0;
    public static final int ID_SIZE = 4;
    public static final int HEADER_SIZE = 1 + ID_SIZE;

    private ConfluentWireFormat() {
    }

    public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /** The schema id of a framed record; a SerializationException naming the topic when the framing is wrong. */
    public static int schemaId(byte[] data, String topic) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("Record of " + data.length + " bytes from topic '" + topic
                    + "' is too short for the schema-registry wire format (magic byte 0 + 4-byte schema id + Avro)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Unknown magic byte 0x%02x in a record from topic '%s': "
                    + "expected 0x00 (schema-registry wire format); the record was not written by a schema-registry "
                    + "Avro serializer", data[0] & 0xff, topic));
        }
        return ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
    }
}
