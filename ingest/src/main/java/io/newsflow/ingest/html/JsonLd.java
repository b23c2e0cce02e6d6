package io.newsflow.ingest.html;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org article a page declares in JSON-LD: the first node typed as an article kind,
 * looked for in top-level objects, arrays, {@code @graph} lists and {@code mainEntity}. Broken JSON
 * blocks are skipped (pages often ship them); the rest of the page still counts.
 */
final class JsonLd {

    static final Set<String> ARTICLE_TYPES = Set.of(
            "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
            "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "blogposting",
            "liveblogposting", "socialmediaposting", "techarticle", "scholarlyarticle", "report", "satiricalarticle");

    private static final int MAX_SCRIPT_CHARS = 2_000_000;
    private static final int MAX_NODES = 10_000;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonParser.Feature.IGNORE_UNDEFINED)
            .build();

    private JsonLd() {}

    /** The page's article node, or null when it declares none. */
    static JsonNode findArticle(Document doc) {
        List<JsonNode> all = new ArrayList<>();
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            String json = script.data().trim();
            if (json.isEmpty() || json.length() > MAX_SCRIPT_CHARS) {
                continue;
            }
            try {
                flatten(MAPPER.readTree(stripCdata(json)), all);
            } catch (Exception malformed) {
                // a broken block says nothing; other blocks and meta tags still do
            }
        }
        JsonNode best = null;
        int bestRank = Integer.MAX_VALUE;
        for (JsonNode node : all) {
            int rank = rank(node);
            if (rank < bestRank) {
                best = node;
                bestRank = rank;
            }
        }
        return best;
    }

    private static String stripCdata(String json) {
        String s = json;
        if (s.startsWith("<!--")) {
            s = s.substring(4);
        }
        if (s.endsWith("-->")) {
            s = s.substring(0, s.length() - 3);
        }
        s = s.replace("//<![CDATA[", "").replace("//]]>", "").replace("<![CDATA[", "").replace("]]>", "");
        return s.trim();
    }

    private static void flatten(JsonNode node, List<JsonNode> out) {
        if (node == null || out.size() > MAX_NODES) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                flatten(n, out);
            }
        } else if (node.isObject()) {
            out.add(node);
            flatten(node.get("@graph"), out);
            JsonNode main = node.get("mainEntity");
            if (main != null && main.isObject()) {
                flatten(main, out);
            }
        }
    }

    /** Lower is better: news articles before generic ones, and any article kind before nothing. */
    private static int rank(JsonNode node) {
        int best = Integer.MAX_VALUE;
        for (String type : types(node)) {
            String t = type.toLowerCase();
            int r;
            if (t.endsWith("newsarticle")) {
                r = 0;
            } else if (ARTICLE_TYPES.contains(t)) {
                r = 1;
            } else {
                continue;
            }
            if (!node.hasNonNull("headline") && !node.hasNonNull("articleBody")) {
                r += 2;
            }
            best = Math.min(best, r);
        }
        return best;
    }

    static List<String> types(JsonNode node) {
        List<String> out = new ArrayList<>();
        JsonNode type = node.get("@type");
        if (type == null) {
            return out;
        }
        if (type.isArray()) {
            type.forEach(t -> out.add(stripVocab(t.asText())));
        } else {
            out.add(stripVocab(type.asText()));
        }
        return out;
    }

    private static String stripVocab(String type) {
        int slash = type.lastIndexOf('/');
        int colon = type.lastIndexOf(':');
        int cut = Math.max(slash, colon);
        return cut >= 0 ? type.substring(cut + 1) : type;
    }

    /** A text value: plain string, first of an array, or an object's name / @id. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                String t = text(n);
                if (t != null) {
                    return t;
                }
            }
            return null;
        }
        if (node.isObject()) {
            String name = text(node.get("name"));
            return name != null ? name : text(node.get("@value"));
        }
        String s = node.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** Every name in a value that may be a string, an object with a name, or an array of those. */
    static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.addAll(names(n)));
        } else {
            String t = text(node);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
