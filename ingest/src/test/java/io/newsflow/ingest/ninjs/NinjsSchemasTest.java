package io.newsflow.ingest.ninjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.newsflow.ingest.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas as loaded (closed with additionalProperties instead of unevaluatedProperties) accept and refuse
 * exactly the items the IPTC schemas as published accept and refuse.
 */
class NinjsSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCES = "/io/newsflow/ingest/ninjs/schema/";

    @Test
    void unknownPropertiesAreNamedAtTheRootAndInAssociations() throws Exception {
        ObjectNode item = (ObjectNode) JSON.readTree(Fixtures.bytes("ninjs/iptc-2.1-simple-text.json"));
        item.put("keywords_typo", "x");
        assertThat(NinjsSchemas.validate("2.1", item))
                .containsExactly("$: property 'keywords_typo' is not defined in the schema and the schema does not allow additional properties");
        item.remove("keywords_typo");
        item.putArray("associations").addObject().put("name", "photo").put("uri", "urn:a").put("nonsense", 1);
        assertThat(NinjsSchemas.validate("2.1", item))
                .containsExactly("$.associations[0]: property 'nonsense' is not defined in the schema and the schema does not allow additional properties");
        ((ObjectNode) item.get("associations").get(0)).remove("nonsense");
        assertThat(NinjsSchemas.validate("2.1", item)).isEmpty();
    }

    @Test
    void sameVerdictsAsThePublishedSchemasOnVariedItems() throws Exception {
        Map<String, JsonSchema> published = new HashMap<>();
        for (String v : List.of("2.1", "2.2", "3.0", "3.1", "2.x_dev")) published.put(v, asPublished(v));
        List<JsonNode> bases = List.of(JSON.readTree(Fixtures.bytes("ninjs/iptc-2.1-simple-text.json")),
                JSON.readTree(Fixtures.bytes("ninjs/iptc-3.0-simple-text.json")));
        Random random = new Random(42);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            ObjectNode item = bases.get(random.nextInt(bases.size())).deepCopy();
            mutate(item, random);
            for (Map.Entry<String, JsonSchema> e : published.entrySet()) {
                boolean valid = e.getValue().validate(item).isEmpty();
                assertThat(NinjsSchemas.validate(e.getKey(), item).isEmpty()).as("%s %s", e.getKey(), item).isEqualTo(valid);
                if (valid) accepted++; else refused++;
            }
        }
        assertThat(accepted).as("the variations must exercise both verdicts").isGreaterThan(1000);
        assertThat(refused).isGreaterThan(1000);
    }

    private static final List<String> NAMES = List.of("uri", "type", "version", "versioncreated", "versionCreated", "headlines",
            "bodies", "by", "language", "associations", "altids", "nonsense", "keywords", "rightsinfo", "subjects", "copyrightnotice");

    /** Adds, removes or retypes properties at the root and in one or two associations. */
    private static void mutate(ObjectNode item, Random random) {
        if (random.nextInt(3) > 0) {
            ArrayNode associations = item.putArray("associations");
            for (int a = random.nextInt(3); a >= 0; a--) {
                ObjectNode assoc = associations.addObject();
                if (random.nextInt(5) > 0) assoc.put("name", "photo" + a);
                if (random.nextInt(5) > 0) assoc.put("uri", "urn:assoc:" + a);
                if (random.nextBoolean()) assoc.put("type", "picture");
                for (int k = random.nextInt(3); k > 0; k--) put(assoc, NAMES.get(random.nextInt(NAMES.size())), random);
            }
        }
        for (int k = random.nextInt(3); k > 0; k--) {
            String name = NAMES.get(random.nextInt(NAMES.size()));
            if (random.nextInt(4) == 0) item.remove(name);
            else put(item, name, random);
        }
    }

    private static void put(ObjectNode obj, String name, Random random) {
        switch (random.nextInt(4)) {
            case 0 -> obj.put(name, "text");
            case 1 -> obj.put(name, 7);
            case 2 -> obj.putArray(name).addObject().put("role", "main").put("value", "v");
            default -> obj.putObject(name).put("name", "n");
        }
    }

    /** The IPTC schema of a version exactly as published (no rewriting), resolved offline like the real ones. */
    private static JsonSchema asPublished(String version) {
        String file = NinjsSchemas.DEV.containsKey(version) ? NinjsSchemas.DEV.get(version) : "ninjs-schema_" + version + ".json";
        String base = NinjsSchemas.DEV.containsKey(version) ? "http://www.iptc.org/std-dev/ninjs/" : "http://www.iptc.org/std/ninjs/";
        Map<String, String> byIri = new HashMap<>();
        byIri.put(base + file, read(file));
        byIri.put("https://geojson.org/schema/GeoJSON.json", read("GeoJSON.json"));
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
                .schemaLoaders(l -> l.values(List::clear).schemas(iri -> byIri.get(iri.replaceAll("#.*$", "")
                        .replace("https://www.iptc.org/", "http://www.iptc.org/")))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
        return factory.getSchema(SchemaLocation.of(base + file), config);
    }

    private static String read(String file) {
        try (InputStream in = NinjsSchemasTest.class.getResourceAsStream(RESOURCES + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
