package io.newsflow.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.generator.WireItem;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.schemas.avro.Article;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The batching entry against a stand-in ingest endpoint that parses every body with ingest's own parsers. */
class BatchingHttpEntryTest {
    record Received(String contentType, int articles, String authorization) {}

    private final List<Received> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> ids = Collections.synchronizedSet(new HashSet<>());
    private final ParserRegistry parsers = ParserRegistry.defaults();
    private HttpServer server;
    private volatile int status = 202;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/articles", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            int n = 0;
            try {
                for (Article a : parsers.parse(new Document("test", type, body), null).articles()) {
                    ids.add(a.getId());
                    n++;
                }
            } catch (Exception e) {
                n = -1;
            }
            requests.add(new Received(type, n, exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(n < 0 ? 400 : status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void everyItemArrivesOnceInBatchesOfOneFormatAndIsCountedAccepted() {
        List<WireItem> items = BenchRecords.generate(450, 11, "batched-");
        try (BatchingHttpEntry entry = new BatchingHttpEntry(root(), 60_000)) {
            items.forEach(entry::submit);
            entry.drain();
            assertThat(entry.accepted()).isEqualTo(items.size());
        }
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.articles()).isBetween(1, BatchingHttpEntry.MAX_ITEMS);
            assertThat(r.authorization()).isEqualTo("Bearer demo");
        });
        assertThat(requests.stream().mapToInt(Received::articles).sum()).isEqualTo(items.size());
        assertThat(ids).hasSize(items.size());
        // a 60 s window: only full batches and the final drain sent anything, so requests are few and mostly full
        assertThat(requests.size()).isLessThan(items.size() / 10);
    }

    @Test
    void refusedBatchesCountEveryItemAsRefused() {
        status = 503;
        List<WireItem> items = BenchRecords.generate(30, 12, "refused-");
        try (BatchingHttpEntry entry = new BatchingHttpEntry(root(), 10)) {
            items.forEach(entry::submit);
            entry.drain();
            assertThat(entry.accepted()).isZero();
            assertThat(entry.describe()).contains("(" + items.size() + " refused)");
        }
    }
}
