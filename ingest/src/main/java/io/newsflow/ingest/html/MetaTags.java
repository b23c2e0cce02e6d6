package io.newsflow.ingest.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The page's meta tags by lower-cased name / property / itemprop / http-equiv, values in page order. */
final class MetaTags {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    MetaTags(Document doc) {
        for (Element meta : doc.select("meta[content]")) {
            String content = PlainText.collapse(meta.attr("content"));
            if (content.isEmpty()) {
                continue;
            }
            for (String key : List.of("property", "name", "itemprop", "http-equiv")) {
                // itemprop and property may list several names ("datePublished dateCreated")
                for (String k : meta.attr(key).trim().toLowerCase().split("\\s+")) {
                    if (!k.isEmpty()) {
                        values.computeIfAbsent(k, x -> new ArrayList<>()).add(content);
                    }
                }
            }
        }
    }

    /** First value of the first key present. */
    String first(String... keys) {
        for (String key : keys) {
            List<String> v = values.get(key);
            if (v != null && !v.isEmpty()) {
                return v.get(0);
            }
        }
        return null;
    }

    /** Every value of every key, in key order. */
    List<String> all(String... keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            out.addAll(values.getOrDefault(key, List.of()));
        }
        return out;
    }
}
