package io.newsflow.ingest.sources;

import io.newsflow.schemas.avro.SourceEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The health of every source, pushed or pulled, learned from its own history:
 * <ul>
 *   <li><b>quiet</b>: a source that usually delivers has been silent for {@code quietFactor} times its usual gap
 *       (an exponentially weighted mean of the gaps between its deliveries, after {@code minDeliveries});</li>
 *   <li><b>failing</b>: {@code failingAfter} pulls in a row failed (the poller backs it off);</li>
 *   <li><b>disabled</b>: {@code disableAfter} pulls in a row failed: it is only probed now and then, until a probe
 *       succeeds or an operator re-enables it.</li>
 * </ul>
 * Every change of state goes to the listener (the {@code news.sources} topic and metrics). Thread-safe.
 */
public final class SourceHealth {
    public enum State { OK, QUIET, FAILING, DISABLED }

    /** Thresholds; see the class comment. */
    public record Settings(double quietFactor, int minDeliveries, Duration minQuietGap, int failingAfter, int disableAfter) {
        public static Settings defaults() {
            return new Settings(4.0, 5, Duration.ofMinutes(2), 3, 10);
        }

        /**
         * {@code ingest.sources.quiet.factor} (4), {@code .quiet.min-gap} (PT2M: never quiet sooner), {@code .failing.after}
         * (3), {@code .disable.after} (10).
         */
        public static Settings from(java.util.Properties p) {
            Settings d = defaults();
            try {
                return new Settings(Double.parseDouble(p.getProperty("ingest.sources.quiet.factor", "" + d.quietFactor()).trim()),
                        d.minDeliveries(), Duration.parse(p.getProperty("ingest.sources.quiet.min-gap", d.minQuietGap().toString()).trim()),
                        Integer.parseInt(p.getProperty("ingest.sources.failing.after", "" + d.failingAfter()).trim()),
                        Integer.parseInt(p.getProperty("ingest.sources.disable.after", "" + d.disableAfter()).trim()));
            } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("ingest.sources.quiet.factor, .failing.after and .disable.after must be numbers, "
                        + "ingest.sources.quiet.min-gap an ISO-8601 duration (PT2M): " + e.getMessage());
            }
        }
    }

    /** What is known of one source, as GET /v1/sources shows it. */
    /** How many refused fetches each source keeps to show. */
    static final int RECENT_REFUSALS = 10;

    public static final class Source {
        final String name;
        final String kind;
        State state = State.OK;
        Instant lastItemAt;
        Instant lastDeliveryAt;
        double usualGapMs = -1;
        int deliveries;
        long items;
        long refused;
        long errors;
        int failures;
        String lastError;
        long polls;
        long notModified;
        long unchangedBodies;
        long fetchesRefused;
        /** The last {@link #RECENT_REFUSALS} refused fetches, oldest first. */
        final java.util.ArrayDeque<String> refusals = new java.util.ArrayDeque<>();
        /** Deliveries of the last hour: epoch millis and item count. */
        final List<long[]> recentItems = new ArrayList<>();

        Source(String name, String kind) {
            this.name = name;
            this.kind = kind;
        }

        public String name() { return name; }
        public String kind() { return kind; }
        public State state() { return state; }
        public Instant lastItemAt() { return lastItemAt; }
        public long usualGapMs() { return Math.round(usualGapMs); }
        public long items() { return items; }
        public long refused() { return refused; }
        public long errors() { return errors; }
        public int failures() { return failures; }
        public String lastError() { return lastError; }
        public long fetchesRefused() { return fetchesRefused; }
        public List<String> refusals() { return List.copyOf(refusals); }
        /** Pulls made, answered 304, and answered 200 with the body already parsed. */
        public long polls() { return polls; }
        public long notModified() { return notModified; }
        public long unchangedBodies() { return unchangedBodies; }
        /** Usual items per hour from the usual gap; -1 before there is a history. */
        public double usualPerHour() { return usualGapMs <= 0 ? -1 : 3_600_000.0 / usualGapMs; }
    }

    private final Settings settings;
    private final Clock clock;
    private final Consumer<SourceEvent> listener;
    private final Map<String, Source> sources = new TreeMap<>();

    public SourceHealth(Settings settings, Clock clock, Consumer<SourceEvent> listener) {
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
    }

    /** A pulled source is known from the start, so one that never answers shows too. */
    public synchronized void register(String name, String kind) {
        sources.computeIfAbsent(name, n -> new Source(n, kind));
    }

    /** Items delivered and acknowledged by Kafka. */
    public synchronized void delivered(String name, String kind, int items) {
        Source s = sources.computeIfAbsent(name, n -> new Source(n, kind));
        Instant now = clock.instant();
        if (s.lastDeliveryAt != null) {
            double gap = Duration.between(s.lastDeliveryAt, now).toMillis();
            s.usualGapMs = s.usualGapMs < 0 ? gap : 0.8 * s.usualGapMs + 0.2 * gap;
        }
        s.deliveries++;
        s.lastDeliveryAt = now;
        s.lastItemAt = now;
        s.items += items;
        s.recentItems.add(new long[] {now.toEpochMilli(), items});
        long hourAgo = now.minus(Duration.ofHours(1)).toEpochMilli();
        s.recentItems.removeIf(d -> d[0] < hourAgo);
        if (s.state == State.QUIET) {
            move(s, State.OK, "delivered again after a silence");
        }
    }

    public synchronized void refused(String name, String kind, int items) {
        sources.computeIfAbsent(name, n -> new Source(n, kind)).refused += items;
    }

    /** A pull that got an answer it could use (200 or 304). */
    public synchronized void pulled(String name) {
        pulled(name, false, false);
    }

    /** A pull that got an answer it could use: a 304, a body already parsed, or a new one. */
    public synchronized void pulled(String name, boolean notModified, boolean unchangedBody) {
        Source s = sources.computeIfAbsent(name, n -> new Source(n, "pull"));
        s.polls++;
        s.notModified += notModified ? 1 : 0;
        s.unchangedBodies += unchangedBody ? 1 : 0;
        boolean wasDown = s.state == State.FAILING || s.state == State.DISABLED;
        s.failures = 0;
        if (wasDown) {
            move(s, State.OK, "answered again");
        }
    }

    /**
     * A fetch the source led to (an item's link, a redirect) that was refused: an internal address, a port or a
     * host not allowed. Not fetched, and not a failure of the source's own feed.
     */
    public synchronized void fetchRefused(String name, String why) {
        Source s = sources.computeIfAbsent(name, n -> new Source(n, "pull"));
        s.fetchesRefused++;
        if (s.refusals.size() == RECENT_REFUSALS) s.refusals.removeFirst();
        s.refusals.addLast(why);
    }

    public synchronized void pullFailed(String name, String why) {
        Source s = sources.computeIfAbsent(name, n -> new Source(n, "pull"));
        s.polls++;
        s.failures++;
        s.errors++;
        s.lastError = why;
        if (s.failures >= settings.disableAfter() && s.state != State.DISABLED) {
            move(s, State.DISABLED, s.failures + " pulls in a row failed (last: " + why + "); probed now and then until it answers or is re-enabled");
        } else if (s.failures >= settings.failingAfter() && s.state != State.FAILING && s.state != State.DISABLED) {
            move(s, State.FAILING, s.failures + " pulls in a row failed (last: " + why + "); polled less often");
        }
    }

    /** An operator's re-enable: the source is polled as usual again. */
    public synchronized boolean enable(String name) {
        Source s = sources.get(name);
        if (s == null) {
            return false;
        }
        s.failures = 0;
        if (s.state != State.OK) {
            move(s, State.OK, "re-enabled by an operator");
        }
        return true;
    }

    public synchronized boolean disabled(String name) {
        Source s = sources.get(name);
        return s != null && s.state == State.DISABLED;
    }

    /** Looks for sources gone quiet; called every few seconds. */
    public synchronized void evaluate() {
        Instant now = clock.instant();
        for (Source s : sources.values()) {
            if (s.state != State.OK || s.deliveries < settings.minDeliveries() || s.usualGapMs <= 0) {
                continue;
            }
            long silentMs = Duration.between(s.lastDeliveryAt, now).toMillis();
            double limit = Math.max(settings.quietFactor() * s.usualGapMs, settings.minQuietGap().toMillis());
            if (silentMs > limit) {
                move(s, State.QUIET, "silent for " + silentMs / 1000 + " s, " + String.format(java.util.Locale.ROOT, "%.1f", silentMs / s.usualGapMs)
                        + " times its usual gap of " + Math.round(s.usualGapMs / 1000) + " s");
            }
        }
    }

    public synchronized List<Source> all() {
        return List.copyOf(sources.values());
    }

    /** Items of the last hour. */
    public synchronized long itemsLastHour(Source s) {
        long since = clock.instant().minus(Duration.ofHours(1)).toEpochMilli();
        return s.recentItems.stream().filter(d -> d[0] >= since).mapToLong(d -> d[1]).sum();
    }

    private void move(Source s, State to, String reason) {
        State from = s.state;
        s.state = to;
        listener.accept(SourceEvent.newBuilder()
                .setSource(s.name).setKind(s.kind).setState(to.name().toLowerCase(java.util.Locale.ROOT))
                .setPreviousState(from.name().toLowerCase(java.util.Locale.ROOT)).setAt(clock.instant()).setReason(reason)
                .setLastItemAt(s.lastItemAt).setUsualGapMs(s.usualGapMs < 0 ? null : Math.round(s.usualGapMs))
                .setFailures(s.failures).build());
    }
}
