package io.newsflow.harness.wire;

import io.newsflow.generator.WireItem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * How the harness speaks to ingest, as a wire agency does: {@code POST /v1/articles} with the item's content type and
 * the feed's key. The bench, the restart bench and the chaos workload all send through it.
 */
public final class IngestPoster {
    private final HttpClient http;

    public IngestPoster(Duration connectTimeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    /** The articles endpoint of the ingest instance on this local port. */
    public static URI articles(int port) {
        return URI.create("http://127.0.0.1:" + port + "/v1/articles");
    }

    /** Sends one item and waits for the answer; empty when none came (refused connection, no answer in time). */
    public Optional<HttpResponse<String>> send(URI articles, WireItem item, String feedKey, Duration timeout)
            throws InterruptedException {
        try {
            return Optional.of(http.send(request(articles, item.contentType(), item.body(), feedKey, timeout),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Sends one body (an item or a batch of them) without waiting; the future fails when no answer came. */
    public CompletableFuture<HttpResponse<Void>> sendAsync(URI articles, String contentType, byte[] body,
                                                           String feedKey, Duration timeout) {
        return http.sendAsync(request(articles, contentType, body, feedKey, timeout), HttpResponse.BodyHandlers.discarding());
    }

    private static HttpRequest request(URI articles, String contentType, byte[] body, String feedKey, Duration timeout) {
        return HttpRequest.newBuilder(articles).timeout(timeout)
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + feedKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
