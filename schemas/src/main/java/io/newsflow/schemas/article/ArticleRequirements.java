package io.newsflow.schemas.article;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.PublicationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an article itself must carry to be finished, checked by ingest at the door (422 with these reasons) and by
 * publish before it writes: so nothing accepted with 202 is refused later for what it lacked when it arrived.
 * <ul>
 *   <li>an id and a format;</li>
 *   <li>a headline. Body and summary are optional: a headline-only item is a wire flash, the most urgent kind;</li>
 *   <li>an event time: {@code updated}, else {@code created}, else {@code received_at} (ingest always sets it).</li>
 * </ul>
 * A kill notice (status WITHDRAWN or CANCELED) needs only its id: sources send them bare.
 */
public final class ArticleRequirements {
    private ArticleRequirements() {}

    /** Every violation, each field prefixed with {@code prefix} ("article." in an enriched record); empty when none. */
    public static List<Violation> violations(Article a, String prefix) {
        List<Violation> out = new ArrayList<>(2);
        if (blank(a.getId())) {
            out.add(new Violation(prefix + "id", "missing or blank"));
        }
        if (isKillNotice(a)) {
            return out;
        }
        if (blank(a.getFormat())) {
            out.add(new Violation(prefix + "format", "missing or blank"));
        }
        if (blank(a.getHeadline())) {
            out.add(new Violation(prefix + "headline", "missing or blank (a finished article needs at least a headline)"));
        }
        if (EventTime.of(a) == null) {
            out.add(new Violation(prefix + "created", "no time: neither updated, created nor received_at is set"));
        }
        return out;
    }

    /** A withdrawal or cancellation: forwarded so consumers take the article down. */
    public static boolean isKillNotice(Article article) {
        return article.getStatus() == PublicationStatus.WITHDRAWN || article.getStatus() == PublicationStatus.CANCELED;
    }

    private static boolean blank(CharSequence s) {
        return s == null || s.toString().isBlank();
    }

    /** The time an article is ordered and trended by, and which of its fields gave it. */
    public record EventTime(Instant at, String from) {
        public static final String UPDATED = "updated";
        public static final String CREATED = "created";
        public static final String RECEIVED = "received";

        /** {@code updated}, else {@code created}, else {@code received_at}; null when the article has none. */
        public static EventTime of(Article a) {
            if (a.getUpdated() != null) return new EventTime(a.getUpdated(), UPDATED);
            if (a.getCreated() != null) return new EventTime(a.getCreated(), CREATED);
            if (a.getReceivedAt() != null) return new EventTime(a.getReceivedAt(), RECEIVED);
            return null;
        }
    }
}
