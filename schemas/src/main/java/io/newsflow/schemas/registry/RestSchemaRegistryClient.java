package io.newsflow.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Confluent Schema Registry REST client (no caching: wrap it in {@link CachedSchemaRegistryClient}).
 * Works against Confluent Schema Registry, Apicurio's ccompat API ({@code .../apis/ccompat/v7}), Karapace, Redpanda.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryHttp http;

    public RestSchemaRegistryClient(RegistryClientConfig config) {
        if (config.mockScope().isPresent()) {
            throw new IllegalArgumentException("mock:// URLs are served by MockSchemaRegistry, not over HTTP");
        }
        this.http = new RegistryHttp(config, JSON);
    }

    /** Where requests go, for logs and error messages. */
    public String baseUrl() {
        return String.join(",", http.baseUrls());
    }

    @Override
    public int register(String subject, Schema schema) {
        RegistryHttp.Answer answer = http.post("/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        if (!answer.ok()) {
            throw error(answer, "registering a schema under subject '" + subject + "'", subject);
        }
        int id = answer.body().path("id").asInt(-1);
        if (id < 0) {
            throw unexpected(answer, "registering under subject '" + subject + "'");
        }
        log.info("Schema registered: subject={} id={} registry={}", subject, id, answer.url());
        return id;
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        RegistryHttp.Answer answer = http.post("/subjects/" + encode(subject), schemaBody(schema));
        if (!answer.ok()) {
            throw error(answer, "looking up schema " + schema.getFullName() + " under subject '" + subject + "'", subject);
        }
        JsonNode body = answer.body();
        return new RegisteredSchema(subject, body.path("id").asInt(-1), body.path("version").asInt(-1), schema);
    }

    @Override
    public Schema getSchemaById(int id) {
        RegistryHttp.Answer answer = http.get("/schemas/ids/" + id);
        if (!answer.ok()) {
            throw error(answer, "fetching schema id " + id, null);
        }
        return parse(answer, answer.body().path("schema").asText(null), "schema id " + id);
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        RegistryHttp.Answer answer = http.get("/subjects/" + encode(subject) + "/versions/latest");
        if (!answer.ok()) {
            throw error(answer, "fetching the latest version of subject '" + subject + "'", subject);
        }
        JsonNode body = answer.body();
        Schema schema = parse(answer, body.path("schema").asText(null), "latest version of subject '" + subject + "'");
        return new RegisteredSchema(subject, body.path("id").asInt(-1), body.path("version").asInt(-1), schema);
    }

    @Override
    public CompatibilityLevel updateCompatibility(String subject, CompatibilityLevel level) {
        RegistryHttp.Answer answer = http.put("/config/" + encode(subject), Map.of("compatibility", level.name()));
        if (!answer.ok()) {
            throw error(answer, "setting compatibility " + level + " on subject '" + subject + "'", subject);
        }
        log.info("Compatibility set: subject={} level={} registry={}", subject, level, answer.url());
        return levelIn(answer, level);
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        // defaultToGlobal: Confluent answers 404 for a subject without its own level unless asked to fall back
        RegistryHttp.Answer answer = http.get("/config/" + encode(subject) + "?defaultToGlobal=true");
        if (answer.status() == 404) {
            answer = http.get("/config");
        }
        if (!answer.ok()) {
            throw error(answer, "reading the compatibility of subject '" + subject + "'", subject);
        }
        return levelIn(answer, null);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        RegistryHttp.Answer answer = http.post("/compatibility/subjects/" + encode(subject) + "/versions/latest",
                schemaBody(schema));
        if (answer.status() == 404 && (answer.errorCode() == SchemaNotFoundException.SUBJECT_NOT_FOUND
                || answer.errorCode() == SchemaNotFoundException.VERSION_NOT_FOUND)) {
            // nothing registered yet (Confluent answers 40401, Apicurio 40402): any schema may be the first version
            return true;
        }
        if (!answer.ok()) {
            throw error(answer, "testing compatibility of " + schema.getFullName() + " with subject '" + subject + "'", subject);
        }
        return answer.body().path("is_compatible").asBoolean(false);
    }

    private static Map<String, String> schemaBody(Schema schema) {
        return Map.of("schema", schema.toString(), "schemaType", "AVRO");
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static CompatibilityLevel levelIn(RegistryHttp.Answer answer, CompatibilityLevel fallback) {
        // PUT answers {"compatibility": ...}, GET answers {"compatibilityLevel": ...}
        String text = answer.body().path("compatibility").asText(answer.body().path("compatibilityLevel").asText(""));
        if (text.isEmpty()) {
            if (fallback != null) {
                return fallback;
            }
            throw unexpected(answer, "reading a compatibility level");
        }
        return CompatibilityLevel.parse(text);
    }

    private static Schema parse(RegistryHttp.Answer answer, String text, String what) {
        if (text == null) {
            throw unexpected(answer, "reading " + what);
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("The registry at " + answer.url() + " returned " + what
                    + " that is not a valid Avro schema: " + e.getMessage(), answer.status(), -1, e);
        }
    }

    private static SchemaRegistryException unexpected(RegistryHttp.Answer answer, String doing) {
        return new SchemaRegistryException("Unexpected answer from the schema registry (" + answer.url() + ") while "
                + doing + ": " + answer.body(), answer.status(), answer.errorCode());
    }

    /** Maps an HTTP error to the exception type callers catch, with the subject or id in the message. */
    private static SchemaRegistryException error(RegistryHttp.Answer answer, String doing, String subject) {
        String detail = " (registry " + answer.url() + " answered " + answer.status()
                + (answer.errorCode() > 0 ? " error_code " + answer.errorCode() : "") + ": " + answer.message() + ")";
        int status = answer.status();
        int code = answer.errorCode();
        if (status == 404) {
            String what = switch (code) {
                case SchemaNotFoundException.SUBJECT_NOT_FOUND -> "subject not found";
                case SchemaNotFoundException.VERSION_NOT_FOUND -> "version not found";
                case SchemaNotFoundException.SCHEMA_NOT_FOUND -> "schema not found";
                default -> "not found";
            };
            return new SchemaNotFoundException("Failed " + doing + ": " + what + detail, code);
        }
        if (status == 409) {
            return new IncompatibleSchemaException(subject, "Failed " + doing + ": the schema is incompatible with an "
                    + "earlier version under the subject's compatibility level" + detail, code);
        }
        if (status == 422) {
            return new InvalidSchemaException("Failed " + doing + ": invalid input" + detail, code);
        }
        if (status == 401 || status == 403) {
            return new SchemaRegistryException("Failed " + doing + ": the registry refused the credentials" + detail
                    + "; set basic.auth.credentials.source=USER_INFO and basic.auth.user.info=<user>:<password>", status, code);
        }
        return new SchemaRegistryException("Failed " + doing + detail, status, code);
    }
}
