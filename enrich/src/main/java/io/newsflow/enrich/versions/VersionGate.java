package io.newsflow.enrich.versions;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.PublicationStatus;

/** The rules for versions and duplicates, free of Kafka so they read (and test) as plain logic. */
public final class VersionGate {

    public enum Verdict {
        /** first time we see this id */
        NEW,
        /** a newer version (or a correction at the same version) with different content: replaces the old one */
        REPLACES,
        /** same content as what we already sent on: dropped */
        DUPLICATE,
        /** older than what we already sent on (arrived late): dropped, never overwrites the newer one */
        STALE,
        /** from a feed other than the one the article came from: refused, dead-lettered with the reason */
        FOREIGN;

        public boolean passes() {
            return this == NEW || this == REPLACES;
        }
    }

    private VersionGate() {}

    public static VersionRecord recordOf(Article a) {
        long version = a.getVersion() == null ? -1 : a.getVersion();
        long updated = a.getUpdated() != null ? a.getUpdated().toEpochMilli()
                : a.getCreated() != null ? a.getCreated().toEpochMilli() : -1;
        return new VersionRecord(version, updated, ContentHash.of(a),
                a.getStatus() != null && a.getStatus() != PublicationStatus.USABLE, a.getFeed());
    }

    public static Verdict judge(VersionRecord previous, VersionRecord incoming) {
        Verdict v = judgeOrder(previous, incoming);
        // an article is its feed's: what would replace or withdraw it from any other feed is refused (a copy that
        // changes nothing, the same story through a second feed, is dropped as the duplicate it is)
        if (v == Verdict.REPLACES && previous.feed() != null && !previous.feed().equals(incoming.feed())) return Verdict.FOREIGN;
        return v;
    }

    private static Verdict judgeOrder(VersionRecord previous, VersionRecord incoming) {
        if (previous == null) return Verdict.NEW;
        // a kill notice always goes through once: taking a story down must not depend on its version stamp
        if (incoming.killed() && !previous.killed()) return Verdict.REPLACES;
        int order = compareRecency(incoming, previous);
        if (order < 0) return Verdict.STALE;
        if (incoming.contentHash() == previous.contentHash()) return Verdict.DUPLICATE;
        return Verdict.REPLACES;
    }

    /** Version number first (when both have one), then {@code updated}. */
    static int compareRecency(VersionRecord a, VersionRecord b) {
        if (a.version() >= 0 && b.version() >= 0 && a.version() != b.version()) {
            return Long.compare(a.version(), b.version());
        }
        return Long.compare(a.updatedMs(), b.updatedMs());
    }

    /**
     * What to remember after a verdict: the newest order key seen, with the content last sent on, and the owner
     * (the first feed; an article whose owner was not known is claimed by the first feed that sends it).
     */
    public static VersionRecord remember(VersionRecord previous, VersionRecord incoming, Verdict verdict) {
        VersionRecord r = rememberOrder(previous, incoming, verdict);
        if (r == null) return null;
        String owner = previous != null && previous.feed() != null ? previous.feed() : incoming.feed();
        return java.util.Objects.equals(r.feed(), owner) ? r : r.ownedBy(owner);
    }

    private static VersionRecord rememberOrder(VersionRecord previous, VersionRecord incoming, Verdict verdict) {
        return switch (verdict) {
            case NEW -> incoming;
            case REPLACES -> compareRecency(incoming, previous) >= 0 ? incoming
                    : new VersionRecord(previous.version(), previous.updatedMs(), incoming.contentHash(), incoming.killed());
            // an unchanged re-send with a bumped version still moves the bar for later stale copies
            case DUPLICATE -> compareRecency(incoming, previous) > 0
                    ? new VersionRecord(incoming.version(), incoming.updatedMs(), previous.contentHash(), previous.killed())
                    : previous;
            case STALE, FOREIGN -> previous;
        };
    }
}
