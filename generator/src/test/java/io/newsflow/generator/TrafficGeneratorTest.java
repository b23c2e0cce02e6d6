package io.newsflow.generator;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TrafficGeneratorTest {
    private record Received(String method, String path, String auth, String contentType, byte[] body) { }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI startIngestStandIn() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            // refuse what is not well-formed, as ingest does
            boolean ok = new String(body).trim().endsWith("}") || new String(body).trim().endsWith(">");
            exchange.sendResponseHeaders(ok ? 202 : 400, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void postsTheModelsItemsWithTheBearerKeyInOrder() throws Exception {
        URI ingest = startIngestStandIn();
        TrafficGenerator.Settings settings = new TrafficGenerator.Settings(ingest, "demo", 400, 42L, false, 1);
        try (TrafficGenerator generator = new TrafficGenerator(settings).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 100);
            generator.stop();
            TrafficGenerator.Stats stats = generator.stats();
            assertThat(stats.sent()).isEqualTo(stats.accepted() + stats.rejected() + stats.failed());
            assertThat(stats.failed()).isZero();
        }
        assertThat(received).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v1/articles");
            assertThat(r.auth()).isEqualTo("Bearer demo");
        });
        // one request in flight at a time: the server saw exactly the model's sequence
        List<WireItem> expected = WireTrafficModelTest.generate(42, received.size());
        for (int i = 0; i < received.size(); i++) {
            assertThat(received.get(i).contentType()).isEqualTo(expected.get(i).contentType());
            assertThat(received.get(i).body().length).isGreaterThan(40);
        }
        assertThat(received.stream().map(Received::contentType).distinct().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void keepsRoughlyToTheAskedRate() throws Exception {
        URI ingest = startIngestStandIn();
        TrafficGenerator.Settings settings = new TrafficGenerator.Settings(ingest, "demo", 200, 1L, false, 64);
        TrafficGenerator generator = new TrafficGenerator(settings).start();
        Thread.sleep(2_000);
        generator.stop();
        long sent = generator.stats().sent();
        // 2 s at 200/s: well above a trickle, never a flood
        assertThat(sent).isBetween(200L, 450L);
    }
}
