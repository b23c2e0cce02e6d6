package io.newsflow.enrich;

import io.newsflow.schemas.avro.Article;
import java.time.Instant;

/** Event time of an article, per the contract: {@code updated}, else {@code created}. */
public final class ArticleTime {
    /** A source clock ahead of ours by more than this is not trusted: ingest time is used instead. */
    static final long MAX_FUTURE_SKEW_MS = 5 * 60_000L;

    private ArticleTime() {}

    public static long eventTimeMs(Article a, long fallbackMs) {
        Instant t = a.getUpdated() != null ? a.getUpdated() : a.getCreated();
        Instant received = a.getReceivedAt();
        if (t == null) return received != null ? received.toEpochMilli() : fallbackMs;
        long ms = t.toEpochMilli();
        // a future-dated item would drag the newsroom clock ahead and age every other story
        if (received != null && ms > received.toEpochMilli() + MAX_FUTURE_SKEW_MS) return received.toEpochMilli();
        return ms;
    }

    /** When the story first happened for this article: {@code created}, else the event time. */
    public static long firstPublishedMs(Article a, long fallbackMs) {
        if (a.getCreated() != null) return Math.min(a.getCreated().toEpochMilli(), eventTimeMs(a, fallbackMs));
        return eventTimeMs(a, fallbackMs);
    }
}
