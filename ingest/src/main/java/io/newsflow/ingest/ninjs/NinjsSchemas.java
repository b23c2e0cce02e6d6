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
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IPTC ninjs JSON Schemas (1.0 to 3.1, plus the published development drafts), bundled in the jar
 * (MIT, IPTC: see schema/NOTICE.md) and resolved offline: no schema is ever fetched from the network.
 * ninjs 1.0 is draft-03, which the validator does not read: its one draft-03 construct
 * ({@code "required": true} on a property) is rewritten to draft-04 on load.
 */
public final class NinjsSchemas {

    /** Released versions, oldest first. */
    public static final List<String> RELEASED = List.of("1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6",
            "2.0", "2.1", "2.2", "3.0", "3.1");
    /** Development drafts by the name of their test suites. */
    public static final Map<String, String> DEV = Map.of("1.x_dev", "ninjs-schema-dev_0.2_v1.5.json",
            "2.x_dev", "ninjs-schema-dev_0.1_v2.1.json");

    private static final String BASE = "http://www.iptc.org/std/ninjs/";
    private static final String DEV_BASE = "http://www.iptc.org/std-dev/ninjs/";
    private static final String GEOJSON = "https://geojson.org/schema/GeoJSON.json";
    private static final String RESOURCES = "/io/newsflow/ingest/ninjs/schema/";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static volatile JsonSchemaFactory factory;

    private NinjsSchemas() {}

    /** The schema for a released version ("2.1") or a dev suite name ("2.x_dev"). */
    public static JsonSchema forVersion(String version) {
        return CACHE.computeIfAbsent(version, v -> {
            String file = DEV.containsKey(v) ? DEV.get(v) : "ninjs-schema_" + v + ".json";
            if (!DEV.containsKey(v) && !RELEASED.contains(v)) {
                throw new IllegalArgumentException("no ninjs schema " + v + " (known: " + RELEASED + ", " + DEV.keySet() + ")");
            }
            String iri = (DEV.containsKey(v) ? DEV_BASE : BASE) + file;
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(false) // IPTC validates formats as annotations: "2019-09-24" passes as a date-time
                    .pathType(com.networknt.schema.PathType.JSON_PATH)
                    .build();
            JsonSchema schema = factory().getSchema(SchemaLocation.of(iri), config);
            schema.initializeValidators(); // resolve every $ref now, not on the first items that reach each branch
            return schema;
        });
    }

    /** Validation messages (empty = valid). */
    public static List<String> validate(String version, JsonNode item) {
        Set<ValidationMessage> msgs = forVersion(version).validate(item);
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : msgs) out.add(m.getMessage());
        return out;
    }

    private static JsonSchemaFactory factory() {
        JsonSchemaFactory f = factory;
        if (f == null) {
            synchronized (NinjsSchemas.class) {
                if (factory == null) factory = buildFactory();
                f = factory;
            }
        }
        return f;
    }

    private static JsonSchemaFactory buildFactory() {
        Map<String, String> byIri = new HashMap<>();
        for (String v : RELEASED) {
            String file = "ninjs-schema_" + v + ".json";
            String text = read(file);
            if (v.equals("1.0")) text = draft03ToDraft04(text);
            byIri.put(BASE + file, closeWithoutAnnotations(text));
        }
        for (String file : DEV.values()) byIri.put(DEV_BASE + file, closeWithoutAnnotations(read(file)));
        byIri.put(GEOJSON, read("GeoJSON.json"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
                .schemaLoaders(l -> l.values(List::clear).schemas(iri -> byIri.get(stripFragment(iri)))));
    }

    private static String stripFragment(String iri) {
        int hash = iri.indexOf('#');
        String s = hash < 0 ? iri : iri.substring(0, hash);
        // some documents name the schema with https
        return s.startsWith("https://www.iptc.org/") ? "http://" + s.substring(8) : s;
    }

    private static String read(String file) {
        try (InputStream in = NinjsSchemas.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) throw new IllegalStateException("ninjs schema resource missing: " + file);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The 2.1+ schemas close the item with {@code "$ref": "#/$defs/ninjsType", "unevaluatedProperties": false}
     * (at the root and for associations). ninjsType is a plain object schema (properties only, no applicators),
     * so the properties it evaluates are exactly its property names: listing those names ({@code true}) beside
     * the reference and closing with {@code additionalProperties: false} accepts and refuses the same items. It
     * spares the validator the annotation bookkeeping that unevaluatedProperties needs on every item, the
     * largest part of validating one; a property the schema does not know is then named as "not defined"
     * rather than "not evaluated". Schemas of any other shape are left as they are.
     */
    static String closeWithoutAnnotations(String schema) {
        try {
            JsonNode root = MAPPER.readTree(schema);
            JsonNode defs = root.get("$defs");
            JsonNode type = defs == null ? null : defs.get("ninjsType");
            if (type == null || !plainObjectSchema(type)) return schema;
            List<String> names = new ArrayList<>();
            type.get("properties").fieldNames().forEachRemaining(names::add);
            boolean changed = closeUses(root, names);
            return changed ? MAPPER.writeValueAsString(root) : schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only type, description, title and properties: no keyword that evaluates properties beyond its own names. */
    private static boolean plainObjectSchema(JsonNode type) {
        if (!type.isObject() || type.get("properties") == null || !type.get("properties").isObject()) return false;
        for (Iterator<String> it = type.fieldNames(); it.hasNext(); ) {
            if (!List.of("type", "description", "title", "properties").contains(it.next())) return false;
        }
        return true;
    }

    /** Rewrites every object that refers to ninjsType and closes it with unevaluatedProperties: false. */
    private static boolean closeUses(JsonNode node, List<String> names) {
        boolean changed = false;
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            JsonNode ref = obj.get("$ref");
            JsonNode unevaluated = obj.get("unevaluatedProperties");
            if (ref != null && "#/$defs/ninjsType".equals(ref.asText()) && unevaluated != null && unevaluated.isBoolean()
                    && !unevaluated.booleanValue() && onlyRefAndOwnProperties(obj)) {
                ObjectNode props = obj.has("properties") ? (ObjectNode) obj.get("properties") : obj.putObject("properties");
                for (String name : names) if (!props.has(name)) props.put(name, true);
                obj.remove("unevaluatedProperties");
                obj.put("additionalProperties", false);
                changed = true;
            }
            for (JsonNode child : obj) changed |= closeUses(child, names);
        } else if (node.isArray()) {
            for (JsonNode child : node) changed |= closeUses(child, names);
        }
        return changed;
    }

    /** Besides the reference, nothing that evaluates properties except a plain properties map. */
    private static boolean onlyRefAndOwnProperties(ObjectNode obj) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (List.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "patternProperties",
                    "additionalProperties", "propertyNames", "$dynamicRef", "$recursiveRef").contains(k)) return false;
        }
        JsonNode props = obj.get("properties");
        return props == null || props.isObject();
    }

    /** draft-03 {@code "required": true} on properties becomes draft-04 {@code "required": [names]} on the parent. */
    static String draft03ToDraft04(String schema) {
        try {
            JsonNode root = MAPPER.readTree(schema);
            ((ObjectNode) root).put("$schema", "http://json-schema.org/draft-04/schema#");
            rewriteRequired(root);
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewriteRequired(JsonNode node) {
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            JsonNode props = obj.get("properties");
            if (props != null && props.isObject()) {
                List<String> required = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode r = e.getValue().get("required");
                    if (r != null && r.isBoolean()) {
                        if (r.booleanValue()) required.add(e.getKey());
                        ((ObjectNode) e.getValue()).remove("required");
                    }
                }
                if (!required.isEmpty()) {
                    ArrayNode arr = obj.putArray("required");
                    required.forEach(arr::add);
                }
            }
            for (JsonNode child : obj) rewriteRequired(child);
        } else if (node.isArray()) {
            for (JsonNode child : node) rewriteRequired(child);
        }
    }


}
