package io.newsflow.enrich.versions;

import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.Hashing;
import io.newsflow.schemas.avro.Article;
import java.util.List;

/**
 * Hash of what a reader sees. Delivery metadata (feed, received_at, version, updated) is left out, so
 * the same text re-sent through another feed or with a bumped timestamp counts as unchanged.
 */
public final class ContentHash {
    private ContentHash() {}

    public static long of(Article a) {
        HashStream64 h = Hashing.xxh3_64().hashStream();
        put(h, a.getHeadline());
        put(h, a.getSummary());
        put(h, a.getBody());
        put(h, a.getByline());
        put(h, a.getDateline());
        put(h, a.getUrl());
        put(h, a.getCredit());
        put(h, a.getLanguage());
        putAll(h, a.getDeclaredCountries());
        putAll(h, a.getKeywords());
        put(h, a.getStatus() == null ? null : a.getStatus().name());
        return h.getAsLong();
    }

    private static void put(HashStream64 h, String s) {
        if (s == null) {
            h.putInt(-1);
        } else {
            h.putInt(s.length());
            h.putChars(s);
        }
    }

    private static void putAll(HashStream64 h, List<String> values) {
        h.putInt(values == null ? 0 : values.size());
        if (values != null) values.forEach(v -> put(h, v));
    }
}
