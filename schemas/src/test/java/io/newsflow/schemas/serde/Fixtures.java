package io.newsflow.schemas.serde;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.PublicationStatus;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records and schema versions shared by the serde tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Article article(String id) {
        return Article.newBuilder()
                .setId(id)
                .setVersion(2L)
                .setFormat("ninjs")
                .setSource("Example Wire")
                .setUrl("https://example.com/" + id)
                .setHeadline("Ministers meet in Vienna")
                .setSummary(null)
                .setBody("First paragraph.\n\nSecond paragraph.")
                .setByline(null)
                .setDateline("VIENNA")
                .setLanguage("en")
                .setCreated(Instant.parse("2026-02-18T08:55:00Z"))
                .setUpdated(null)
                .setCredit(null)
                .setDeclaredCountries(new ArrayList<>(List.of("AT", "FR")))
                .setKeywords(new ArrayList<>())
                .setStatus(PublicationStatus.USABLE)
                .setFeed("demo")
                .setReceivedAt(Instant.parse("2026-02-18T09:00:00.250Z"))
                .build();
    }

    /** Article's schema with one more field appended; {@code withDefault} decides whether it may be added (BACKWARD). */
    public static Schema articleWithExtraField(String name, Schema type, Object defaultValue, boolean withDefault) {
        Schema base = Article.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : base.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(withDefault ? new Schema.Field(name, type, "added later", defaultValue)
                : new Schema.Field(name, type, "added later"));
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }

    /** Article's schema with field {@code name} given another type: incompatible when old data cannot be read. */
    public static Schema articleWithFieldType(String name, Schema type) {
        Schema base = Article.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : base.getFields()) {
            fields.add(field.name().equals(name) ? new Schema.Field(field.name(), type, field.doc())
                    : new Schema.Field(field, field.schema()));
        }
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }

    /** The article as a GenericRecord of a newer schema (resolved with Avro itself, not with the code under test). */
    public static GenericRecord asGeneric(Article article, Schema newer) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<Article>(Article.getClassSchema(), SpecificData.getForClass(Article.class))
                    .write(article, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(Article.getClassSchema(), newer, GenericData.get())
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
