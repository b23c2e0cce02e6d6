package io.newsflow.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;

/** Builds the DatumReader for a writer schema: into GenericRecord, or into the generated class it names. */
final class AvroDatumReaders {
    private AvroDatumReaders() {
    }

    static DatumReader<Object> generic(Schema writer) {
        return new GenericDatumReader<>(writer, writer, GenericData.get());
    }

    /**
     * Reads with the generated class's own schema (the reader's, maybe older or newer than the writer's: Avro
     * schema resolution fills defaults and skips unknown fields). Primitives stay primitives.
     */
    static DatumReader<Object> specific(Schema writer, int schemaId, String topic) {
        if (writer.getType() != Schema.Type.RECORD) {
            return generic(writer);
        }
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null || type == Object.class) {
            throw new SerializationException("Could not find class " + writer.getFullName() + " named by schema id "
                    + schemaId + " (topic '" + topic + "') to read it as a SpecificRecord: put the generated class on "
                    + "the classpath or set specific.avro.reader=false");
        }
        SpecificData model = SpecificData.getForClass(type);
        Schema reader = model.getSchema(type);
        return new SpecificDatumReader<>(writer, reader, model);
    }
}
