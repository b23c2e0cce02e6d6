package io.newsflow.ingest.ninjs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.FormatParser;
import io.newsflow.ingest.ItemError;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.support.Charsets;
import io.newsflow.ingest.support.Ids;
import io.newsflow.ingest.support.ItemException;
import io.newsflow.ingest.support.Languages;
import io.newsflow.ingest.support.Texts;
import io.newsflow.ingest.support.Times;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.PublicationStatus;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPTC ninjs 1.x, 2.x and 3.x: one item or a JSON array of items. Every item is validated against the
 * IPTC schema of its version (declared in {@code standard}/{@code $standard}, else told by its shape:
 * camelCase names = 3.x, plural arrays = 2.x, else 1.x) and refused, with the schema's reasons, when invalid.
 * Field names are matched case-insensitively, so 2.x {@code versioncreated} and 3.x {@code versionCreated}
 * read the same.
 */
public final class NinjsParser implements FormatParser {

    public static final String FORMAT = "ninjs";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SCHEMA_URL_VERSION = Pattern.compile("ninjs-schema_(\\d+\\.\\d+)\\.json");
    private static final Pattern DECLARED_VERSION = Pattern.compile("^(\\d+\\.\\d+)");
    private static final Pattern ISO_COUNTRY = Pattern.compile("(?i)iso3166-1a2[:/]([a-z]{2})$");
    private static final List<String> V2_NAMES = List.of("headlines", "bodies", "descriptions", "by", "subjects", "places",
            "people", "organisations", "infosources", "genres", "events", "objects", "trustindicators", "standard");

    private final String fixedVersion;

    /** Validates each item against the schema version it declares or shows. */
    public NinjsParser() {
        this(null);
    }

    /** Validates every item against one schema version ("1.0" ... "3.1", "1.x_dev", "2.x_dev"). */
    public NinjsParser(String fixedVersion) {
        if (fixedVersion != null) NinjsSchemas.forVersion(fixedVersion); // fail early on an unknown version
        this.fixedVersion = fixedVersion;
    }

    @Override
    public List<String> formats() {
        return List.of(FORMAT);
    }

    @Override
    public int sniff(String head, String mediaType) {
        String t = head.stripLeading();
        if (!(t.startsWith("{") || t.startsWith("["))) return 0;
        return t.contains("\"uri\"") || t.contains("\"headline") || t.contains("\"versioncreated\"")
                || t.contains("\"versionCreated\"") || t.contains("\"standard\"") ? 95 : 60;
    }

    @Override
    public ParseResult parse(Document doc) throws ParseException {
        String json;
        try {
            json = Charsets.strictUtf8(doc.bytes());
        } catch (IllegalArgumentException e) {
            throw new ParseException(null, e.getMessage());
        }
        ParseResult.Builder result = new ParseResult.Builder(FORMAT);
        try (JsonParser p = MAPPER.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new ParseException("line 1", "empty document");
            if (first == JsonToken.START_ARRAY) {
                int i = 0;
                while (true) {
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.END_ARRAY) break;
                    if (t == null) throw new ParseException("line " + p.currentLocation().getLineNr(), "unterminated JSON array");
                    int line = p.currentTokenLocation().getLineNr();
                    JsonNode item = MAPPER.readTree(p);
                    item(item, "$[" + i + "] (line " + line + ")", result);
                    i++;
                }
            } else if (first == JsonToken.START_OBJECT) {
                item(MAPPER.readTree(p), "$", result);
            } else {
                throw new ParseException("line 1", "ninjs must be a JSON object or an array of objects, found " + first);
            }
            if (p.nextToken() != null) {
                throw new ParseException("line " + p.currentTokenLocation().getLineNr(), "unexpected content after the JSON value");
            }
        } catch (JsonProcessingException e) {
            // a limit of the reader (nesting depth, number or string length) has no location
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new ParseException(at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ParseException(null, "cannot read JSON: " + e.getMessage(), e);
        }
        return result.build();
    }

    private void item(JsonNode item, String location, ParseResult.Builder result) {
        String uri = item.isObject() ? textOf(field(item, "uri")) : null;
        if (!item.isObject()) {
            result.error(new ItemError(location, null, "a ninjs item must be a JSON object, found " + item.getNodeType(), null, item.toString()));
            return;
        }
        List<String> candidates = fixedVersion != null ? List.of(fixedVersion) : candidateVersions(item);
        String version = candidates.get(0);
        List<String> problems = NinjsSchemas.validate(version, item);
        for (int c = 1; c < candidates.size() && !problems.isEmpty(); c++) {
            if (NinjsSchemas.validate(candidates.get(c), item).isEmpty()) problems = List.of();
        }
        if (!problems.isEmpty()) {
            String reason = "not valid ninjs " + version + ": " + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                    + (problems.size() > 5 ? " (+" + (problems.size() - 5) + " more)" : "");
            result.error(new ItemError(location, fieldOf(problems.get(0)), reason, uri, item.toString()));
            return;
        }
        try {
            result.add(toArticle(item));
        } catch (ItemException e) {
            result.error(new ItemError(location, e.field(), e.getMessage(), uri, item.toString()));
        }
    }

    /** "$.headlines[0].value: ..." -> "headlines[0].value". */
    private static String fieldOf(String message) {
        if (!message.startsWith("$")) return null;
        int colon = message.indexOf(':');
        String path = colon < 0 ? message : message.substring(0, colon);
        return path.length() <= 2 ? null : path.substring(2);
    }

    /**
     * Schema versions to try: the one the item declares; else every release of the family its field
     * names show, newest first (an undeclared item valid under any release of its family is valid ninjs).
     */
    static List<String> candidateVersions(JsonNode item) {
        String v = detectVersion(item);
        if (declaredVersion(item) != null) return List.of(v);
        String family = v.substring(0, v.indexOf('.') + 1);
        List<String> out = new ArrayList<>();
        for (String r : NinjsSchemas.RELEASED) if (r.startsWith(family)) out.add(0, r);
        return out;
    }

    private static String declaredVersion(JsonNode item) {
        JsonNode std = field(item, "standard");
        if (std == null) std = field(item, "$standard");
        if (std == null || !std.isObject()) return null;
        String declared = textOf(std.get("version"));
        if (declared != null) {
            Matcher m = DECLARED_VERSION.matcher(declared);
            if (m.find() && NinjsSchemas.RELEASED.contains(m.group(1))) return m.group(1);
        }
        String schema = textOf(std.get("schema"));
        if (schema != null) {
            Matcher m = SCHEMA_URL_VERSION.matcher(schema);
            if (m.find() && NinjsSchemas.RELEASED.contains(m.group(1))) return m.group(1);
        }
        return null;
    }

    /** The version an item declares, else the newest of the family its field names show. */
    static String detectVersion(JsonNode item) {
        String declared = declaredVersion(item);
        if (declared != null) return declared;
        boolean camel = false;
        boolean plural = false;
        for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.startsWith("$") && !name.equals(name.toLowerCase(Locale.ROOT))) camel = true;
            if (V2_NAMES.contains(name.toLowerCase(Locale.ROOT))) plural = true;
        }
        if (camel) return "3.1";
        if (plural) return "2.2";
        return "1.6";
    }

    private static Article toArticle(JsonNode item) {
        String uri = textOf(field(item, "uri"));
        String headline = headline(item);
        String summary = summary(item);
        String body = body(item);
        String source = source(item);
        String url = Texts.isHttpUrl(uri) ? uri : null;
        String id = Ids.stableId(uri, source, url, headline);
        if (id == null) throw new ItemException("uri", "the item has no uri and nothing to make an id from (no url, no headline)");
        Article.Builder a = Article.newBuilder()
                .setId(id)
                .setFormat(FORMAT)
                .setVersion(version(item))
                .setSource(source)
                .setUrl(url)
                .setHeadline(headline)
                .setSummary(summary)
                .setBody(body)
                .setByline(byline(item))
                .setDateline(textOf(field(item, "located")))
                .setCreated(firstTime(item, "firstcreated", "contentcreated"))
                .setUpdated(firstTime(item, "versioncreated"))
                .setCredit(textOf(field(item, "copyrightnotice")))
                .setDeclaredCountries(countries(item))
                .setKeywords(keywords(item))
                .setStatus(status(item));
        a.setLanguage(Languages.declaredOrDetected(textOf(field(item, "language")), headline, summary, body));
        return a.build();
    }

    /** Case-insensitive top-level field (2.x lowercase vs 3.x camelCase). */
    static JsonNode field(JsonNode obj, String lowerName) {
        if (obj == null || !obj.isObject()) return null;
        JsonNode direct = obj.get(lowerName);
        if (direct != null) return direct;
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(lowerName)) return e.getValue();
        }
        return null;
    }

    static String textOf(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) return null;
        return Texts.clean(n.asText());
    }

    private static Long version(JsonNode item) {
        String v = textOf(field(item, "version"));
        if (v == null) return null;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null; // a non-numeric version string ("1.0a") has no number to carry
        }
    }

    private static String headline(JsonNode item) {
        String h = roleValue(field(item, "headlines"), "main");
        if (h == null) h = textOf(field(item, "headline"));
        if (h == null) h = textOf(field(item, "title"));
        return h;
    }

    private static String summary(JsonNode item) {
        JsonNode descs = field(item, "descriptions");
        if (descs != null && descs.isArray()) {
            for (String role : List.of("summary", "abstract", "teaser", "lead")) {
                JsonNode d = withRole(descs, role);
                if (d != null) return valueText(d);
            }
            for (JsonNode d : descs) {
                String role = textOf(d.get("role"));
                if (role == null || !role.toLowerCase(Locale.ROOT).contains("caption")) return valueText(d);
            }
        }
        String t = textOf(field(item, "description_text"));
        if (t != null) return t;
        return Texts.htmlToText(rawText(field(item, "description_html")));
    }

    private static String body(JsonNode item) {
        JsonNode bodies = field(item, "bodies");
        if (bodies != null && bodies.isArray() && !bodies.isEmpty()) {
            JsonNode plain = null;
            JsonNode html = null;
            for (JsonNode b : bodies) {
                String ct = textOf(field(b, "contenttype"));
                if (ct != null && ct.toLowerCase(Locale.ROOT).contains("html")) { if (html == null) html = b; }
                else if (plain == null) plain = b;
            }
            if (plain != null) return Texts.paragraphsOf(rawText(plain.get("value")));
            return Texts.htmlToText(rawText(html.get("value")));
        }
        String t = rawText(field(item, "body_text"));
        if (t != null) return Texts.paragraphsOf(t);
        return Texts.htmlToText(rawText(field(item, "body_html")));
    }

    private static String valueText(JsonNode d) {
        String ct = textOf(field(d, "contenttype"));
        String v = rawText(d.get("value"));
        return ct != null && ct.toLowerCase(Locale.ROOT).contains("html") ? Texts.htmlToText(v) : Texts.clean(v);
    }

    private static String rawText(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) return null;
        return n.asText();
    }

    private static String byline(JsonNode item) {
        String by = textOf(field(item, "by"));
        if (by != null) return by;
        by = textOf(field(item, "byline"));
        if (by != null) return by;
        JsonNode bylines = field(item, "bylines");
        if (bylines != null && bylines.isArray()) {
            List<String> names = new ArrayList<>();
            for (JsonNode b : bylines) {
                String n = textOf(b.get("byline"));
                if (n != null) names.add(n);
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return null;
    }

    private static String source(JsonNode item) {
        for (String name : List.of("infosources", "infosource")) {
            JsonNode s = field(item, name);
            if (s != null && s.isArray()) {
                for (JsonNode src : s) {
                    String n = textOf(src.get("name"));
                    if (n != null) return n;
                }
            }
        }
        return textOf(field(item, "copyrightholder"));
    }

    /**
     * The first of the named times that reads as an instant. The schemas let any string through
     * ("2019-10-08T12:00:00" without a zone, free text): such a value is no point in time, so it stays null.
     */
    private static Instant firstTime(JsonNode item, String... names) {
        for (String name : names) {
            String v = textOf(field(item, name));
            if (v == null) continue;
            try {
                return Times.offsetDateTime(v);
            } catch (DateTimeParseException e) {
                // not an instant: try the next field
            }
        }
        return null;
    }

    /** ISO 3166 codes the item states: place/subject entries whose code/uri is in the iso3166-1a2 scheme. */
    private static List<String> countries(JsonNode item) {
        List<String> out = new ArrayList<>();
        for (String name : List.of("places", "place", "subjects", "subject")) {
            JsonNode list = field(item, name);
            if (list == null || !list.isArray()) continue;
            for (JsonNode e : list) {
                for (String key : List.of("code", "qcode", "uri", "literal")) {
                    String v = textOf(field(e, key));
                    if (v == null) continue;
                    Matcher m = ISO_COUNTRY.matcher(v);
                    if (m.find()) {
                        String code = m.group(1).toUpperCase(Locale.ROOT);
                        if (!out.contains(code)) out.add(code);
                    }
                }
                String scheme = textOf(field(e, "scheme"));
                String code = textOf(field(e, "code"));
                if (scheme != null && scheme.toLowerCase(Locale.ROOT).contains("iso3166") && code != null && code.length() == 2) {
                    String c = code.toUpperCase(Locale.ROOT);
                    if (!out.contains(c)) out.add(c);
                }
            }
        }
        return out;
    }

    private static List<String> keywords(JsonNode item) {
        List<String> out = new ArrayList<>();
        JsonNode k = field(item, "keywords");
        if (k != null && k.isArray()) {
            for (JsonNode e : k) {
                String s = textOf(e);
                if (s != null && !out.contains(s)) out.add(s);
            }
        }
        return out;
    }

    private static PublicationStatus status(JsonNode item) {
        String s = textOf(field(item, "pubstatus"));
        if (s == null) return PublicationStatus.USABLE;
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "withheld", "withdrawn" -> PublicationStatus.WITHDRAWN;
            case "canceled", "cancelled" -> PublicationStatus.CANCELED;
            default -> PublicationStatus.USABLE;
        };
    }

    private static String roleValue(JsonNode list, String preferredRole) {
        if (list == null || !list.isArray() || list.isEmpty()) return null;
        JsonNode pick = withRole(list, preferredRole);
        if (pick == null) pick = list.get(0);
        return valueText(pick);
    }

    private static JsonNode withRole(JsonNode list, String role) {
        for (JsonNode e : list) {
            String r = textOf(e.get("role"));
            if (r != null && r.equalsIgnoreCase(role)) return e;
        }
        return null;
    }
}
