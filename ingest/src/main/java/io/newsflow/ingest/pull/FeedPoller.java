package io.newsflow.ingest.pull;

import io.newsflow.ingest.sources.SourceHealth;
import io.newsflow.schemas.net.Urls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the sources that push nothing, politely:
 * <ul>
 *   <li>one request at a time per host, at least {@code minGap} apart (one worker thread per host);</li>
 *   <li>conditional GETs (ETag, Last-Modified): an unchanged feed answers 304 and costs no parse; a 200 whose body
 *       hashes the same as the last one parsed is skipped too;</li>
 *   <li>the feed's own hints lengthen the interval: Cache-Control max-age, RSS {@code <ttl>}; Retry-After is obeyed;</li>
 *   <li>429 and 5xx back the host off (doubling, capped); failures back the source off;</li>
 *   <li>the state (validators, hash, failures, next poll) is saved only after the items' fate is durable (Kafka
 *       acknowledged them or their dead letters), so a crash never marks unseen items as fetched.</li>
 * </ul>
 */
public final class FeedPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private static final Pattern RSS_TTL = Pattern.compile("<ttl>\\s*(\\d{1,6})\\s*</ttl>");

    /** Where fetched documents go: the same parsers and produce path as pushed ones. */
    public interface Sink {
        /** @return true once every item of the document is acknowledged by Kafka, as an article or a dead letter */
        boolean ingest(PullSource source, FetchResult document);
    }

    /**
     * @param minGap     least time between two requests to one host
     * @param maxBackoff longest wait a failing source or an overloaded host is backed off to
     */
    public record Settings(Duration minGap, Duration maxBackoff) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofHours(1));
        }
    }

    /** Counts per source, for tests, metrics and the health of sources. */
    public static final class Stats {
        public volatile long requests;
        public volatile long notModified;
        public volatile long unchanged;
        public volatile long parsed;
        public volatile long failures;
        public volatile int lastStatus;
        public volatile String lastError;
    }

    private final List<PullSource> sources;
    private final FeedFetcher fetcher;
    private final PollStateStore store;
    private final Sink sink;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, PollState> states = new ConcurrentHashMap<>();
    private final Map<String, Stats> stats = new LinkedHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final SourceHealth health;

    public FeedPoller(Collection<PullSource> sources, FeedFetcher fetcher, PollStateStore store, Sink sink, Settings settings,
                      Clock clock) {
        this(sources, fetcher, store, sink, settings, clock, new SourceHealth(SourceHealth.Settings.defaults(), clock, e -> {}));
    }

    /** With the health of sources told how each pull went; a disabled source is only probed every {@code maxBackoff}. */
    public FeedPoller(Collection<PullSource> sources, FeedFetcher fetcher, PollStateStore store, Sink sink, Settings settings,
                      Clock clock, SourceHealth health) {
        this.health = health;
        this.sources = List.copyOf(sources);
        this.fetcher = fetcher;
        this.store = store;
        this.sink = sink;
        this.settings = settings;
        this.clock = clock;
        this.sources.forEach(s -> {
            stats.put(s.name(), new Stats());
            health.register(s.name(), "pull");
        });
    }

    /** Loads the saved state and starts one worker per host. */
    public FeedPoller start() {
        states.putAll(store.load());
        running.set(true);
        Map<String, List<PullSource>> byHost = new LinkedHashMap<>();
        sources.forEach(s -> byHost.computeIfAbsent(s.host(), h -> new ArrayList<>()).add(s));
        byHost.forEach((host, hostSources) -> {
            Thread t = new Thread(() -> runHost(hostSources), "newsflow-ingest-poll-" + host);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        });
        log.info("polling {} sources on {} hosts (state of {} loaded)", sources.size(), byHost.size(), states.size());
        return this;
    }

    public Map<String, Stats> stats() {
        return stats;
    }

    public PollState state(String source) {
        return states.getOrDefault(source, PollState.NEW);
    }

    private void runHost(List<PullSource> hostSources) {
        Instant hostFree = Instant.EPOCH;
        while (running.get()) {
            PullSource next = hostSources.get(0);
            for (PullSource s : hostSources) {
                if (state(s.name()).nextPoll().isBefore(state(next.name()).nextPoll())) {
                    next = s;
                }
            }
            Instant due = max(state(next.name()).nextPoll(), hostFree);
            long waitMs = Duration.between(clock.instant(), due).toMillis();
            if (waitMs > 0) {
                sleep(Math.min(waitMs, 500)); // wakes up often enough to stop promptly
                continue;
            }
            Duration hostWait;
            try {
                hostWait = poll(next);
            } catch (RuntimeException e) {
                hostWait = broke(next, e);
            }
            hostFree = clock.instant().plus(max(settings.minGap(), hostWait));
        }
    }

    /**
     * Nothing one source does may end the host's worker: a poll that throws is a failure of that source, named in
     * its stats and health, and it is polled again an interval later. Written so that nothing here throws again.
     */
    private Duration broke(PullSource s, RuntimeException e) {
        log.warn("poll source={} url={} broke", s.name(), Urls.redact(s.url()), e);
        Stats counts = stats.get(s.name());
        counts.failures++;
        counts.lastError = "poll broke: " + e;
        Instant now = clock.instant();
        states.put(s.name(), state(s.name()).failed(now, now.plus(s.interval())));
        try {
            health.pullFailed(s.name(), counts.lastError);
        } catch (RuntimeException again) {
            log.warn("poll source={}: health of the source not updated: {}", s.name(), again.toString());
        }
        return Duration.ZERO;
    }

    /** One poll of one source; returns how long the host must be left alone after it. */
    Duration poll(PullSource s) {
        PollState st = state(s.name());
        Stats counts = stats.get(s.name());
        Instant now = clock.instant();
        counts.requests++;
        FetchResult r;
        try {
            r = fetcher.fetch(s.url(), st.etag(), st.lastModified(), s.policy());
        } catch (FeedFetcher.FetchException e) {
            if ("refused".equals(e.kind())) health.fetchRefused(s.name(), e.getMessage());
            return failed(s, st, counts, now, e.kind() + ": " + e.getMessage(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Duration.ZERO;
        }
        counts.lastStatus = r.status();
        if (r.overloaded()) {
            Duration hostBackoff = r.retryAfter().orElse(backoff(settings.minGap(), st.failures() + 1));
            return max(hostBackoff, failed(s, st, counts, now, "answered " + r.status(), r.retryAfter()));
        }
        if (!r.ok() && !r.notModified()) {
            return failed(s, st, counts, now, "answered " + r.status(), Optional.empty());
        }
        Instant nextPoll = now.plus(interval(s, r));
        if (r.notModified()) {
            counts.notModified++;
            health.pulled(s.name(), true, false);
            save(s, st.withAttempt(now, st.etag(), st.lastModified(), st.bodyHash(), true, nextPoll));
            return Duration.ZERO;
        }
        long hash = hash(r.body());
        String etag = r.etag() != null ? r.etag() : st.etag();
        String lastModified = r.lastModified() != null ? r.lastModified() : st.lastModified();
        if (hash == st.bodyHash() && st.lastSuccess() != null) {
            counts.unchanged++; // a server without validators: the same bytes are not parsed again
            health.pulled(s.name(), false, true);
            save(s, st.withAttempt(now, etag, lastModified, hash, true, nextPoll));
            return Duration.ZERO;
        }
        boolean durable;
        try {
            durable = sink.ingest(s, r);
        } catch (RuntimeException e) {
            durable = false;
            log.warn("poll source={} url={} could not be ingested: {}", s.name(), Urls.redact(s.url()), e.toString());
        }
        if (!durable) {
            // the validators are not kept: the next poll fetches the same document again in full
            return failed(s, st, counts, now, "Kafka did not acknowledge the items", Optional.empty(), false);
        }
        counts.parsed++;
        health.pulled(s.name());
        save(s, st.withAttempt(now, etag, lastModified, hash, true, nextPoll));
        return Duration.ZERO;
    }

    private Duration failed(PullSource s, PollState st, Stats counts, Instant now, String why, Optional<Duration> retryAfter) {
        return failed(s, st, counts, now, why, retryAfter, true);
    }

    /** {@code sourceAtFault} false: our side failed (Kafka), which says nothing of the source's health. */
    private Duration failed(PullSource s, PollState st, Stats counts, Instant now, String why, Optional<Duration> retryAfter,
                            boolean sourceAtFault) {
        counts.failures++;
        counts.lastError = why;
        if (sourceAtFault) {
            health.pullFailed(s.name(), why);
        }
        Duration wait = health.disabled(s.name()) ? settings.maxBackoff()
                : max(retryAfter.orElse(Duration.ZERO), backoff(s.interval(), st.failures() + 1));
        log.warn("poll source={} url={} failed ({} in a row): {}; next in {} s", s.name(), Urls.redact(s.url()), st.failures() + 1, why,
                wait.toSeconds());
        save(s, st.failed(now, now.plus(wait)));
        return Duration.ZERO;
    }

    /** The interval, lengthened by the feed's own hints (never shortened by them). */
    static Duration interval(PullSource s, FetchResult r) {
        Duration d = s.interval();
        if (r.maxAge().isPresent()) {
            d = max(d, r.maxAge().get());
        }
        if (r.body() != null && r.body().length > 0) {
            String head = new String(r.body(), 0, Math.min(r.body().length, 8192), java.nio.charset.StandardCharsets.ISO_8859_1);
            Matcher m = RSS_TTL.matcher(head);
            if (m.find()) {
                d = max(d, Duration.ofMinutes(Long.parseLong(m.group(1))));
            }
        }
        return d;
    }

    private Duration backoff(Duration base, int failures) {
        long factor = 1L << Math.min(failures, 20);
        Duration d = base.multipliedBy(factor);
        return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
    }

    private void save(PullSource s, PollState state) {
        states.put(s.name(), state);
        try {
            store.save(s.name(), state);
        } catch (RuntimeException e) {
            log.warn("poll source={} state not saved: {}", s.name(), e.getMessage());
        }
    }

    static long hash(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return (crc.getValue() << 32) ^ body.length;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        // a poll in progress finishes and saves its state (a worker sleeps at most 500 ms between checks)
        for (Thread t : workers) {
            try {
                t.join(15_000);
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(2_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // then the store, whose Kafka producer would otherwise outlive the service (and keep logging when the broker
        // is gone)
        try {
            store.close();
        } catch (Exception e) {
            log.warn("closing the poll state store: {}", e.toString());
        }
    }
}
