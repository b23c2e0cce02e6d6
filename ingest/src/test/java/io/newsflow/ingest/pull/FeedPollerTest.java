package io.newsflow.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.Fixtures;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller against a local HTTP server serving the project's own feed fixtures. */
class FeedPollerTest {
    private static final byte[] RSS = Fixtures.bytes("feed/windows-1251.rss");
    private static final byte[] ATOM = Fixtures.bytes("feed/atom-three-entries.atom");

    private final FeedServer server = newServer();
    private final List<String> ingested = new CopyOnWriteArrayList<>();
    private final MemoryStore store = new MemoryStore();
    private FeedPoller poller;

    private static FeedServer newServer() {
        try {
            return new FeedServer();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An in-memory store for unit tests; the Kafka one is proven in KafkaPollStateStoreTest. */
    static final class MemoryStore implements PollStateStore {
        final Map<String, PollState> saved = new ConcurrentHashMap<>();
        volatile boolean closed;

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public Map<String, PollState> load() {
            return Map.copyOf(saved);
        }

        @Override
        public void save(String source, PollState state) {
            saved.put(source, state);
        }
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
        server.close();
    }

    private FeedPoller start(Duration minGap, FeedFetcher fetcher, PullSource... sources) {
        poller = new FeedPoller(List.of(sources), fetcher, store, (s, r) -> ingested.add(s.name()),
                new FeedPoller.Settings(minGap, Duration.ofSeconds(30)), Clock.systemUTC()).start();
        return poller;
    }

    private static FeedFetcher fetcher() {
        return new FeedFetcher(Duration.ofSeconds(2), 3, 200_000);
    }

    private PullSource source(String name, String path, Duration interval) {
        return new PullSource(name, server.url(path), "auto", interval, name);
    }

    @Test
    void anUnchangedFeedIsAskedConditionallyAndAnswered304WithNoParse() {
        server.on("/etag.rss", ex -> {
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                FeedServer.send(ex, 304, new byte[0]);
            } else {
                FeedServer.send(ex, 200, RSS);
            }
        });
        start(Duration.ofMillis(50), fetcher(), source("wire", "/etag.rss", Duration.ofMillis(150)));
        // the poller counts an answer after the server has logged the request: both are asserted inside the wait
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<FeedServer.Seen> seen = server.requests("/etag.rss");
            assertThat(seen).hasSizeGreaterThanOrEqualTo(6);
            assertThat(seen.get(0).ifNoneMatch()).isNull();
            assertThat(seen.get(0).userAgent()).startsWith("newsflow-feed-poller/");
            // every poll after the first is conditional, answered 304, and parses nothing
            assertThat(seen.subList(1, seen.size())).allSatisfy(s -> assertThat(s.ifNoneMatch()).isEqualTo("\"v1\""));
            assertThat(poller.stats().get("wire").notModified).isGreaterThanOrEqualTo(5);
        });
        assertThat(ingested).containsExactly("wire");
    }

    @Test
    void lastModifiedIsSentBackAndAServerWithoutValidatorsIsSkippedByHash() {
        server.on("/lm.atom", ex -> {
            ex.getResponseHeaders().add("Last-Modified", "Wed, 02 Dec 2026 10:00:00 GMT");
            if ("Wed, 02 Dec 2026 10:00:00 GMT".equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                FeedServer.send(ex, 304, new byte[0]);
            } else {
                FeedServer.send(ex, 200, ATOM);
            }
        });
        server.on("/plain.rss", ex -> FeedServer.send(ex, 200, RSS));
        start(Duration.ofMillis(20), fetcher(), source("lm", "/lm.atom", Duration.ofMillis(150)),
                source("plain", "/plain.rss", Duration.ofMillis(150)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(server.requests("/lm.atom")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(server.requests("/lm.atom").get(2).ifModifiedSince()).isEqualTo("Wed, 02 Dec 2026 10:00:00 GMT");
            assertThat(poller.stats().get("plain").unchanged).isGreaterThanOrEqualTo(2);
            assertThat(ingested).containsExactlyInAnyOrder("lm", "plain");
        });
    }

    @Test
    void requestsToOneHostAreOneAtATimeAndAtLeastTheGapApart() {
        AtomicInteger n = new AtomicInteger();
        for (String path : List.of("/a.rss", "/b.rss", "/c.rss")) {
            server.on(path, ex -> {
                sleep(30); // each answer takes a while: overlapping requests would show
                FeedServer.send(ex, 200, (new String(RSS, java.nio.charset.StandardCharsets.ISO_8859_1) + "<!-- " + n.incrementAndGet() + " -->")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            });
        }
        Duration gap = Duration.ofMillis(250);
        start(gap, fetcher(), source("a", "/a.rss", Duration.ofMillis(100)), source("b", "/b.rss", Duration.ofMillis(100)),
                source("c", "/c.rss", Duration.ofMillis(100)));
        await().atMost(Duration.ofSeconds(15)).until(() -> server.seen.size() >= 10);
        assertThat(server.maxInFlight.get()).as("requests in flight at once to the host").isEqualTo(1);
        List<FeedServer.Seen> seen = List.copyOf(server.seen);
        for (int i = 1; i < seen.size(); i++) {
            long apartMs = (seen.get(i).startNanos() - seen.get(i - 1).endNanos()) / 1_000_000;
            assertThat(apartMs).as("gap before request %d", i).isGreaterThanOrEqualTo(gap.toMillis() - 20);
        }
    }

    @Test
    void tooManyRequestsWithRetryAfterIsObeyed() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/busy.rss", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().add("Retry-After", "2");
                FeedServer.send(ex, 429, new byte[0]);
            } else {
                FeedServer.send(ex, 200, RSS);
            }
        });
        start(Duration.ofMillis(20), fetcher(), source("busy", "/busy.rss", Duration.ofMillis(100)));
        // the item is ingested after the server has answered the second request: waited for, not assumed
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ingested).containsExactly("busy"));
        List<FeedServer.Seen> seen = server.requests("/busy.rss");
        assertThat((seen.get(1).startNanos() - seen.get(0).endNanos()) / 1_000_000).isGreaterThanOrEqualTo(1_900);
        assertThat(poller.stats().get("busy").failures).isEqualTo(1);
    }

    @Test
    void redirectsAreFollowedUpToTheBoundAndLoopsFail() throws Exception {
        server.on("/old.rss", ex -> {
            ex.getResponseHeaders().add("Location", "/new.rss");
            FeedServer.send(ex, 301, new byte[0]);
        });
        server.on("/new.rss", ex -> FeedServer.send(ex, 200, RSS));
        server.on("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            FeedServer.send(ex, 302, new byte[0]);
        });
        FetchResult moved = fetcher().fetch(server.url("/old.rss"), null, null);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.url().getPath()).isEqualTo("/new.rss");
        assertThat(moved.body()).isEqualTo(RSS);
        FeedFetcher.FetchException loop = org.junit.jupiter.api.Assertions.assertThrows(FeedFetcher.FetchException.class,
                () -> fetcher().fetch(server.url("/loop"), null, null));
        assertThat(loop.kind()).isEqualTo("redirects");
        assertThat(loop.getMessage()).contains("more than 3 times");
        assertThat(server.requests("/loop")).hasSize(4);
    }

    @Test
    void aSlowFeedTimesOutAndAnOversizeOneIsCutOffBothBackedOff() throws Exception {
        server.on("/slow.rss", ex -> {
            sleep(3_000);
            FeedServer.send(ex, 200, RSS);
        });
        server.on("/huge.rss", ex -> FeedServer.send(ex, 200, new byte[300_000]));
        FeedFetcher fetcher = new FeedFetcher(Duration.ofMillis(500), 3, 200_000);
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(FeedFetcher.FetchException.class,
                () -> fetcher.fetch(server.url("/slow.rss"), null, null)).kind()).isEqualTo("timeout");
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(FeedFetcher.FetchException.class,
                () -> fetcher.fetch(server.url("/huge.rss"), null, null)).kind()).isEqualTo("too_large");

        start(Duration.ofMillis(10), fetcher, source("huge", "/huge.rss", Duration.ofMillis(100)));
        // the counter moves before the state is saved: the state itself is waited for
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PollState st = poller.state("huge");
            assertThat(st.failures()).isGreaterThanOrEqualTo(2);
            // backed off: the next poll is further away than the interval
            assertThat(Duration.between(st.lastAttempt(), st.nextPoll())).isGreaterThan(Duration.ofMillis(300));
        });
        assertThat(ingested).isEmpty();
    }

    @Test
    void aSourceWhosePollThrowsIsAFailureOfItsOwnAndTheHostsOtherSourcesGoOnBeingPolled() {
        server.on("/down.rss", ex -> FeedServer.send(ex, 500, new byte[0]));
        server.on("/fine.rss", ex -> FeedServer.send(ex, 200, RSS));
        // a listener that throws on every change of state: the failing source's first change throws inside its poll
        AtomicInteger requestsAtThrow = new AtomicInteger(-1);
        io.newsflow.ingest.sources.SourceHealth health = new io.newsflow.ingest.sources.SourceHealth(
                new io.newsflow.ingest.sources.SourceHealth.Settings(4, 3, Duration.ofMinutes(1), 1, 10), Clock.systemUTC(),
                e -> {
                    requestsAtThrow.compareAndSet(-1, server.seen.size());
                    throw new IllegalStateException("listener broke on " + e.getSource());
                });
        poller = new FeedPoller(List.of(source("down", "/down.rss", Duration.ofMillis(100)), source("fine", "/fine.rss",
                Duration.ofMillis(100))), fetcher(), store, (s, r) -> ingested.add(s.name()),
                new FeedPoller.Settings(Duration.ofMillis(20), Duration.ofMillis(300)), Clock.systemUTC(), health).start();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(requestsAtThrow).as("the listener threw inside a poll").doesNotHaveValue(-1);
            // the worker of the host is alive: both sources are asked again after the throw
            long after = server.seen.stream().skip(requestsAtThrow.get()).map(FeedServer.Seen::path).distinct().count();
            assertThat(after).as("sources asked after the throw").isEqualTo(2);
            assertThat(poller.stats().get("down").failures).isGreaterThanOrEqualTo(2);
        });
        assertThat(ingested).containsExactly("fine");
    }

    @Test
    void closingThePollerClosesItsStateStoreSoItsProducerDoesNotOutliveTheService() {
        server.on("/c.rss", ex -> FeedServer.send(ex, 200, RSS));
        start(Duration.ofMillis(20), fetcher(), source("c", "/c.rss", Duration.ofMillis(100)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ingested).containsExactly("c"));
        assertThat(store.closed).isFalse();
        poller.close();
        assertThat(store.closed).isTrue();
    }

    @Test
    void theFeedsOwnHintsLengthenTheIntervalNeverShortenIt() {
        PullSource s = new PullSource("x", URI.create("http://example.com/f"), "auto", Duration.ofMinutes(5), "x");
        FetchResult ttl = new FetchResult(200, "<rss><channel><ttl>30</ttl></channel></rss>".getBytes(), null, null, null,
                java.util.Optional.empty(), java.util.Optional.empty(), s.url());
        FetchResult maxAge = new FetchResult(200, new byte[0], null, null, null, java.util.Optional.of(Duration.ofMinutes(10)),
                java.util.Optional.empty(), s.url());
        FetchResult shortAge = new FetchResult(200, new byte[0], null, null, null, java.util.Optional.of(Duration.ofSeconds(5)),
                java.util.Optional.empty(), s.url());
        assertThat(FeedPoller.interval(s, ttl)).isEqualTo(Duration.ofMinutes(30));
        assertThat(FeedPoller.interval(s, maxAge)).isEqualTo(Duration.ofMinutes(10));
        assertThat(FeedPoller.interval(s, shortAge)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void itemsNotAcknowledgedLeaveTheStateAsItWasSoTheDocumentIsFetchedAgain() {
        server.on("/e.rss", ex -> {
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            FeedServer.send(ex, "\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match")) ? 304 : 200,
                    "\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match")) ? new byte[0] : RSS);
        });
        AtomicInteger attempts = new AtomicInteger();
        poller = new FeedPoller(List.of(source("e", "/e.rss", Duration.ofMillis(50))), fetcher(), store,
                (s, r) -> attempts.incrementAndGet() > 2, // Kafka down for the first two documents
                new FeedPoller.Settings(Duration.ofMillis(10), Duration.ofMillis(200)), Clock.systemUTC()).start();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(attempts).hasValueGreaterThanOrEqualTo(3);
            assertThat(poller.stats().get("e").notModified).isGreaterThanOrEqualTo(1);
            assertThat(store.saved.get("e")).isNotNull().extracting(PollState::etag).isEqualTo("\"v1\"");
        });
        List<FeedServer.Seen> seen = server.requests("/e.rss");
        // the first three polls were unconditional: no validator was kept while the items were not durable
        assertThat(seen.subList(0, 3)).allSatisfy(r -> assertThat(r.ifNoneMatch()).isNull());
    }

    @Test
    void sourcesAreReadFromTheSettingsWithErrorsThatSayHowToFixThem() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("ingest.pull.ap.url", "https://feeds.example.com/ap.rss");
        p.setProperty("ingest.pull.ap.interval", "PT2M");
        p.setProperty("ingest.pull.ap.feed", "wire");
        p.setProperty("ingest.pull.host.min-gap", "PT1S");
        assertThat(PullSource.all(p)).singleElement().satisfies(s -> {
            assertThat(s.interval()).isEqualTo(Duration.ofMinutes(2));
            assertThat(s.feed()).isEqualTo("wire");
            assertThat(s.format()).isEqualTo("auto");
        });
        p.setProperty("ingest.pull.ap.interval", "5 minutes");
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PullSource.all(p)))
                .hasMessageContaining("ingest.pull.ap.interval").hasMessageContaining("PT5M");
        p.setProperty("ingest.pull.ap.interval", "PT1S");
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PullSource.all(p)))
                .hasMessageContaining("at least PT10S");
        p.setProperty("ingest.pull.ap.interval", "PT1M");
        p.setProperty("ingest.pull.ap.url", "ftp://x/y");
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PullSource.all(p)))
                .hasMessageContaining("http or https");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
