package io.newsflow.generator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Pushes realistic wire traffic ({@link WireTrafficModel}) to the ingest service over HTTP
 * ({@code POST /v1/articles}, {@code Authorization: Bearer <key>}) at a given average rate, with bursts.
 * A component with start()/stop(): the demo starts it beside the services; counters tell what happened.
 */
public final class TrafficGenerator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrafficGenerator.class);

    private final Settings settings;
    private final WireTrafficModel model;
    private final BurstSchedule schedule;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong malformedSent = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param ingestUrl   root of the ingest service, e.g. http://127.0.0.1:8080
     * @param apiKey      bearer key (the demo's is "demo")
     * @param ratePerSec  average items per second
     * @param seed        same seed, same items in the same order
     * @param bursts      vary the rate (breaking news) around the average; false = even spacing
     * @param maxInFlight requests outstanding at once before the sender waits
     */
    public record Settings(URI ingestUrl, String apiKey, double ratePerSec, long seed, boolean bursts,
                           int maxInFlight) {
        public Settings {
            Objects.requireNonNull(ingestUrl, "ingest URL");
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("API key is empty: the demo key is 'demo'");
            }
            if (ratePerSec <= 0) {
                throw new IllegalArgumentException("rate must be above 0 items/s, got " + ratePerSec);
            }
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1");
            }
        }

        public static Settings of(String ingestUrl, double ratePerSec) {
            return new Settings(URI.create(ingestUrl), "demo", ratePerSec, 42L, true, 256);
        }
    }

    public TrafficGenerator(Settings settings) {
        this.settings = settings;
        this.model = new WireTrafficModel(settings.seed());
        this.schedule = new BurstSchedule(settings.seed(), settings.ratePerSec(), settings.bursts());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.inFlight = new Semaphore(settings.maxInFlight());
    }

    public synchronized TrafficGenerator start() {
        if (running) {
            return this;
        }
        running = true;
        thread = new Thread(this::sendLoop, "newsflow-generator");
        thread.setDaemon(true);
        thread.start();
        log.info("generator started: {} items/s{} to {} seed={}", settings.ratePerSec(),
                settings.bursts() ? " with bursts" : "", articlesUri(), settings.seed());
        return this;
    }

    private URI articlesUri() {
        return settings.ingestUrl().resolve("/v1/articles");
    }

    private void sendLoop() {
        URI uri = articlesUri();
        Clock clock = Clock.systemUTC();
        long next = System.nanoTime();
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            if (-wait > TimeUnit.SECONDS.toNanos(1)) {
                next = System.nanoTime(); // ingest cannot keep up: do not build an ever-growing backlog
            }
            WireItem item = model.next(clock.instant());
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            send(uri, item);
            next += schedule.nextGapNanos();
        }
    }

    private void send(URI uri, WireItem item) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", item.contentType())
                .header("Authorization", "Bearer " + settings.apiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(item.body()))
                .build();
        sent.incrementAndGet();
        if (item.kind() == WireItem.Kind.MALFORMED) {
            malformedSent.incrementAndGet();
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            try {
                count(uri, response, error);
            } finally {
                inFlight.release(); // after counting: once all permits are back, the counters add up
            }
        });
    }

    private void count(URI uri, HttpResponse<Void> response, Throwable error) {
        if (error != null) {
            if (failed.incrementAndGet() % 100 == 1) {
                log.warn("generator: POST {} failed: {}", uri, error.toString());
            }
        } else if (response.statusCode() / 100 == 2) {
            accepted.incrementAndGet();
        } else if (response.statusCode() / 100 == 4) {
            rejected.incrementAndGet(); // expected for the malformed share
        } else {
            failed.incrementAndGet();
        }
    }

    public Stats stats() {
        return new Stats(sent.get(), accepted.get(), rejected.get(), failed.get(), malformedSent.get());
    }

    /** Counters so far: sent, 2xx, 4xx (expected for malformed items), errors and 5xx, malformed sent. */
    public record Stats(long sent, long accepted, long rejected, long failed, long malformedSent) {
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
            awaitInFlight();
            log.info("generator stopped: {}", stats());
        }
    }

    /** Lets requests already sent finish (bounded), so the counters account for every item sent. */
    private void awaitInFlight() {
        try {
            if (inFlight.tryAcquire(settings.maxInFlight(), 15, TimeUnit.SECONDS)) {
                inFlight.release(settings.maxInFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
