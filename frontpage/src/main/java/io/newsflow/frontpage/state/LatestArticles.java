package io.newsflow.frontpage.state;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PublicationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest articles, one entry per article id, at most {@code capacity} of them. A new version replaces the old
 * one; a kill notice (status WITHDRAWN or CANCELED) or a tombstone takes the article down. Thread-safe.
 */
public final class LatestArticles {

    /** What {@link #apply} did with a record, for metrics and tests. */
    public enum Outcome { ADDED, REPLACED, REMOVED, STALE, IGNORED_KILLED }

    /** Newest first: by the article's own time, ties by arrival. */
    static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::time).thenComparingLong(Entry::seq)
            .reversed();

    record Entry(EnrichedArticle article, Instant time, long seq) {}

    /** How many killed ids are remembered, so that an older copy arriving later does not bring one back. */
    private static final int KILLED_MEMORY = 10_000;

    private final int capacity;
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, Long> killedVersions = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > KILLED_MEMORY;
        }
    };
    private long seq;

    public LatestArticles(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Applies one record of the article topic.
     *
     * @param id          the record key (the article id)
     * @param value       the article, or null for a tombstone
     * @param recordTime  the record timestamp, used when the article carries no time of its own
     */
    public synchronized Outcome apply(String id, EnrichedArticle value, Instant recordTime) {
        if (value == null || value.getArticle() == null) {
            byId.remove(id);
            return Outcome.REMOVED;
        }
        Article article = value.getArticle();
        String articleId = article.getId() != null ? article.getId() : id;
        Long version = article.getVersion();
        if (isKill(article)) {
            killedVersions.put(articleId, version == null ? Long.MAX_VALUE : version);
            byId.remove(articleId);
            return Outcome.REMOVED;
        }
        Long killedAt = killedVersions.get(articleId);
        if (killedAt != null) {
            // a kill is final unless the source sends a strictly newer version afterwards
            if (version == null || version <= killedAt) {
                return Outcome.IGNORED_KILLED;
            }
            killedVersions.remove(articleId);
        }
        Entry previous = byId.get(articleId);
        if (previous != null) {
            Long previousVersion = previous.article().getArticle().getVersion();
            if (version != null && previousVersion != null && version < previousVersion) {
                return Outcome.STALE;
            }
        }
        byId.put(articleId, new Entry(value, timeOf(article, value, recordTime), ++seq));
        if (byId.size() > capacity) {
            evictOldest();
        }
        return previous == null ? Outcome.ADDED : Outcome.REPLACED;
    }

    /** Newest first. */
    public synchronized List<EnrichedArticle> newestFirst() {
        List<Entry> entries = new ArrayList<>(byId.values());
        entries.sort(NEWEST_FIRST);
        List<EnrichedArticle> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.article());
        }
        return out;
    }

    public synchronized EnrichedArticle get(String id) {
        Entry e = byId.get(id);
        return e == null ? null : e.article();
    }

    public synchronized int size() {
        return byId.size();
    }

    public static boolean isKill(Article article) {
        return article.getStatus() == PublicationStatus.WITHDRAWN || article.getStatus() == PublicationStatus.CANCELED;
    }

    /** The time an article is ordered by: updated, else created, else when it was received or written. */
    public static Instant timeOf(Article article, EnrichedArticle enriched, Instant recordTime) {
        if (article.getUpdated() != null) {
            return article.getUpdated();
        }
        if (article.getCreated() != null) {
            return article.getCreated();
        }
        if (article.getReceivedAt() != null) {
            return article.getReceivedAt();
        }
        if (enriched.getEnrichedAt() != null) {
            return enriched.getEnrichedAt();
        }
        return recordTime == null ? Instant.EPOCH : recordTime;
    }

    private void evictOldest() {
        Entry oldest = null;
        String oldestId = null;
        for (Map.Entry<String, Entry> e : byId.entrySet()) {
            if (oldest == null || NEWEST_FIRST.compare(e.getValue(), oldest) > 0) {
                oldest = e.getValue();
                oldestId = e.getKey();
            }
        }
        byId.remove(oldestId);
    }
}
