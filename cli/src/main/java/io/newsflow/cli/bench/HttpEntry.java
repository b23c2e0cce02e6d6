package io.newsflow.cli.bench;

import io.newsflow.generator.WireItem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/** POST /v1/articles on the ingest service with the demo key, a bounded number of requests in flight. */
final class HttpEntry implements PipelineEntry {
    private static final int IN_FLIGHT = 64;
    private final URI articles;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
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
        HttpRequest request = HttpRequest.newBuilder(articles)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer demo")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
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
