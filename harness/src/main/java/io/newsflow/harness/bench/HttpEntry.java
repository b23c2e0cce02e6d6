package io.newsflow.harness.bench;

import io.newsflow.generator.WireItem;

import io.newsflow.harness.wire.IngestPoster;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/** POST /v1/articles on the ingest service with the demo key, a bounded number of requests in flight. */
final class HttpEntry implements PipelineEntry {
    private static final int IN_FLIGHT = 64;
    private final URI articles;
    private final IngestPoster http = new IngestPoster(Duration.ofSeconds(5));
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    HttpEntry(URI ingestRoot) {
        this.articles = ingestRoot.resolve("/v1/articles");
    }

    @Override
    public void submit(WireItem item) {
        submitBody(item.contentType(), item.body(), 1);
    }

    /** One request carrying {@code items} items: all of them count as accepted on a 2xx. */
    void submitBody(String contentType, byte[] body, int items) {
        inFlight.acquireUninterruptibly();
        http.sendAsync(articles, contentType, body, "demo", Duration.ofSeconds(30)).whenComplete((r, e) -> {
            if (e == null && r.statusCode() / 100 == 2) {
                accepted.addAndGet(items);
            } else {
                refused.addAndGet(items);
            }
            // counted before the permit goes back: drain() returning means every answer is counted
            inFlight.release();
        });
    }

    @Override
    public void drain() {
        inFlight.acquireUninterruptibly(IN_FLIGHT);
        inFlight.release(IN_FLIGHT);
    }

    @Override
    public long accepted() {
        return accepted.get();
    }

    @Override
    public String describe() {
        return "HTTP POST " + articles + (refused.get() > 0 ? " (" + refused.get() + " refused)" : "");
    }

    @Override
    public void close() {
        drain();
    }
}
