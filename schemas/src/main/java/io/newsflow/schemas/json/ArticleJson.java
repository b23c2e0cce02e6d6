package io.newsflow.schemas.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.PublicationStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The contract's article JSON (CONTRACT.md "Article JSON") to and from the Avro {@link Article}.
 *
 * <p>Field names are snake_case as in the contract, times are ISO-8601 UTC ({@code 2026-02-18T08:55:00Z}),
 * {@code status} is lowercase. Every field is always written (absent = null, lists = []), in a fixed order,
 * so the output is stable line by line. Reading ignores fields it does not know (e.g. {@code file},
 * {@code countries}), so richer documents built on this shape can be read back as articles.
 */
public final class ArticleJson {

    /** Field names, in output order. */
    public static final List<String> FIELDS = List.of("id", "version", "format", "source", "url", "headline",
            "summary", "body", "byline", "dateline", "language", "created", "updated", "credit",
            "declared_countries", "keywords", "status", "feed", "received_at", "event_time_from");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ArticleJson() {}

    /** The shared mapper (thread-safe once configured; do not reconfigure). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Article as a JSON object node, for callers that add fields (e.g. {@code file}, {@code countries}). */
    public static ObjectNode toNode(Article a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", a.getId());
        if (a.getVersion() == null) n.putNull("version"); else n.put("version", a.getVersion());
        n.put("format", a.getFormat());
        n.put("source", a.getSource());
        n.put("url", a.getUrl());
        n.put("headline", a.getHeadline());
        n.put("summary", a.getSummary());
        n.put("body", a.getBody());
        n.put("byline", a.getByline());
        n.put("dateline", a.getDateline());
        n.put("language", a.getLanguage());
        n.put("created", formatInstant(a.getCreated()));
        n.put("updated", formatInstant(a.getUpdated()));
        n.put("credit", a.getCredit());
        putList(n, "declared_countries", a.getDeclaredCountries());
        putList(n, "keywords", a.getKeywords());
        n.put("status", (a.getStatus() == null ? PublicationStatus.USABLE : a.getStatus()).name().toLowerCase(Locale.ROOT));
        n.put("feed", a.getFeed());
        n.put("received_at", formatInstant(a.getReceivedAt()));
        n.put("event_time_from", a.getEventTimeFrom());
        return n;
    }

    /** Article as one line of JSON (no newline). */
    public static String toJson(Article a) {
        try {
            return MAPPER.writeValueAsString(toNode(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write article " + a.getId() + " as JSON", e);
        }
    }

    /**
     * Reads article JSON.
     *
     * @throws IllegalArgumentException naming the field when the text is not JSON, {@code id} or
     *                                  {@code format} is missing, or a field has the wrong type
     */
    public static Article fromJson(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        return fromNode(node);
    }

    /** Reads an article from a parsed JSON object; see {@link #fromJson(String)}. */
    public static Article fromNode(JsonNode n) {
        return fromNode(n, null);
    }

    /**
     * Reads an article from a parsed JSON object, taking {@code defaultFormat} when it has no {@code format}
     * (null: {@code format} is required).
     */
    public static Article fromNode(JsonNode n, String defaultFormat) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("article JSON must be an object, got " + (n == null ? "nothing" : n.getNodeType()));
        }
        Article.Builder b = Article.newBuilder()
                .setId(requiredText(n, "id"))
                .setFormat(defaultFormat != null && text(n, "format") == null ? defaultFormat : requiredText(n, "format"))
                .setVersion(longOrNull(n, "version"))
                .setSource(text(n, "source"))
                .setUrl(text(n, "url"))
                .setHeadline(text(n, "headline"))
                .setSummary(text(n, "summary"))
                .setBody(text(n, "body"))
                .setByline(text(n, "byline"))
                .setDateline(text(n, "dateline"))
                .setLanguage(text(n, "language"))
                .setCreated(instant(n, "created"))
                .setUpdated(instant(n, "updated"))
                .setCredit(text(n, "credit"))
                .setDeclaredCountries(list(n, "declared_countries"))
                .setKeywords(list(n, "keywords"))
                .setStatus(status(n))
                .setFeed(text(n, "feed"))
                .setReceivedAt(instant(n, "received_at"))
                .setEventTimeFrom(text(n, "event_time_from"));
        return b.build();
    }

    /** ISO-8601 UTC ({@code Instant.toString()} form: seconds, fractions only when present), or null. */
    public static String formatInstant(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** Parses ISO-8601 with {@code Z} or an offset; returns UTC. */
    public static Instant parseInstant(String s, String field) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field '" + field + "': not an ISO-8601 time with zone: '" + s + "'", e);
        }
    }

    private static void putList(ObjectNode n, String field, List<String> values) {
        ArrayNode arr = n.putArray(field);
        if (values != null) values.forEach(arr::add);
    }

    private static String requiredText(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isEmpty()) throw new IllegalArgumentException("field '" + field + "' is required");
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode() || v.isBinary()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string, got " + v.getNodeType());
        }
        return v.asText();
    }

    private static Long longOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.canConvertToExactIntegral() && v.canConvertToLong()) return v.longValue();
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("field '" + field + "' must be an integer, got " + v);
    }

    private static Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isIntegralNumber()) return Instant.ofEpochMilli(v.longValue());
        if (!v.isTextual()) throw new IllegalArgumentException("field '" + field + "' must be an ISO-8601 string, got " + v.getNodeType());
        return parseInstant(v.asText(), field);
    }

    private static List<String> list(JsonNode n, String field) {
        JsonNode v = n.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) throw new IllegalArgumentException("field '" + field + "' must be an array of strings, got " + v.getNodeType());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) throw new IllegalArgumentException("field '" + field + "[" + i + "]' must be a string, got " + e.getNodeType());
            out.add(e.asText());
        }
        return out;
    }

    private static PublicationStatus status(JsonNode n) {
        String s = text(n, "status");
        if (s == null) return PublicationStatus.USABLE;
        try {
            return PublicationStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'status' must be usable, withdrawn or canceled, got '" + s + "'");
        }
    }
}
