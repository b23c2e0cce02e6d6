package io.newsflow.schemas.serde;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import io.newsflow.schemas.registry.MockSchemaRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact bytes on the wire, computed independently of the serializer. */
class WireBytesTest {
    private final String scope = "wire-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of("schema.registry.url", "mock://" + scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void smallRecordIsMagicByteThenBigEndianIdThenAvroBinary() {
        Schema ping = new Schema.Parser().parse("""
                {"type":"record","name":"Ping","namespace":"io.newsflow.test",
                 "fields":[{"name":"n","type":"int"},{"name":"s","type":"string"}]}""");
        GenericRecord record = new GenericData.Record(ping);
        record.put("n", -3);
        record.put("s", "hé");
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);

        byte[] bytes = serializer.serialize("pings", record);

        int id = MockSchemaRegistry.getClientForScope(scope).getLatestVersion("pings-value").id();
        assertThat(id).isEqualTo(1);
        // 0x00 | id 1 as 4 bytes big-endian | zigzag(-3)=5 | zigzag(len 3)=6 | 'h' 0xC3 0xA9 (UTF-8 of é)
        assertThat(bytes).containsExactly(0x00, 0x00, 0x00, 0x00, 0x01, 0x05, 0x06, 'h', 0xC3, 0xA9);
    }

    @Test
    void headerIsBigEndianForLargeIds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfluentWireFormat.writeHeader(out, 0x01020304);
        assertThat(out.toByteArray()).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
        byte[] framed = {0x00, (byte) 0x80, 0x00, 0x10, (byte) 0xff, 0x02};
        assertThat(ConfluentWireFormat.schemaId(framed, "t")).isEqualTo(0x800010ff);
    }

    @Test
    void articleBytesEqualHandEncodedAvro() throws IOException {
        InMemorySchemaRegistry registry = MockSchemaRegistry.getClientForScope(scope);
        // push the id past one byte so every header byte is pinned
        for (int i = 0; i < 300; i++) {
            registry.register("filler-" + i, Schema.createFixed("F" + i, null, "io.newsflow.test", 1));
        }
        Article article = Fixtures.article("urn:example:1");
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);

        byte[] actual = serializer.serialize("news.articles.raw", article);

        int id = registry.getLatestVersion("news.articles.raw-value").id();
        assertThat(id).isEqualTo(301);
        assertThat(actual).isEqualTo(handEncoded(article, id));
    }

    /** Article in field order, written with the encoder primitives (unions: branch index, then the value). */
    private static byte[] handEncoded(Article a, int id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
        BinaryEncoder e = EncoderFactory.get().binaryEncoder(out, null);
        e.writeString(a.getId());
        e.writeIndex(1);
        e.writeLong(a.getVersion());
        e.writeString(a.getFormat());
        optionalString(e, a.getSource());
        optionalString(e, a.getUrl());
        optionalString(e, a.getHeadline());
        optionalString(e, a.getSummary());
        optionalString(e, a.getBody());
        optionalString(e, a.getByline());
        optionalString(e, a.getDateline());
        optionalString(e, a.getLanguage());
        e.writeIndex(1);
        e.writeLong(a.getCreated().toEpochMilli());
        e.writeIndex(0); // updated: null
        optionalString(e, a.getCredit());
        strings(e, a.getDeclaredCountries());
        strings(e, a.getKeywords());
        e.writeEnum(a.getStatus().ordinal());
        optionalString(e, a.getFeed());
        e.writeIndex(1);
        e.writeLong(a.getReceivedAt().toEpochMilli());
        optionalString(e, a.getEventTimeFrom());
        e.flush();
        return out.toByteArray();
    }

    private static void optionalString(BinaryEncoder e, String value) throws IOException {
        if (value == null) {
            e.writeIndex(0);
        } else {
            e.writeIndex(1);
            e.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void strings(BinaryEncoder e, List<String> values) throws IOException {
        e.writeArrayStart();
        e.setItemCount(values.size());
        for (String value : values) {
            e.startItem();
            e.writeString(value);
        }
        e.writeArrayEnd();
    }
}
