package io.newsflow.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry client's retries, against an HTTP server that answers what each test scripts: 5xx and 429 are
 * retried with backoff within schema.registry.retry.max.ms, answers about the request (409) are not, and a registry
 * that never answers fails after that bound, not for ever.
 */
class RegistryRetryTest {
    private static final Schema SCHEMA = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");

    private HttpServer server;
    // scripted by the test, read by the server's threads
    private final Deque<int[]> script = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final AtomicInteger requests = new AtomicInteger();

    private String start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            int[] next = script.isEmpty() ? new int[] {200} : script.poll();
            byte[] body = (next[0] == 200 ? "{\"id\":7}"
                    : "{\"error_code\":" + (next[0] == 409 ? 409 : next[0] * 100 + 1) + ",\"message\":\"scripted\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(next[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private static RestSchemaRegistryClient client(String url, long retryMs) {
        return new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of("schema.registry.url", url,
                RegistryClientConfig.RETRY_MAX_MS, Long.toString(retryMs))));
    }

    @Test
    void serverErrorsAndThrottlingAreRetriedUntilTheRegistryAnswers() throws Exception {
        String url = start();
        script.add(new int[] {500});
        script.add(new int[] {503});
        script.add(new int[] {429});
        assertThat(client(url, 10_000).register("s-value", SCHEMA)).isEqualTo(7);
        assertThat(requests).hasValue(4);
    }

    @Test
    void aRefusalAboutTheSchemaIsNotRetried() throws Exception {
        String url = start();
        script.add(new int[] {409});
        assertThatThrownBy(() -> client(url, 10_000).register("s-value", SCHEMA))
                .isInstanceOf(IncompatibleSchemaException.class).hasMessageContaining("s-value");
        assertThat(requests).hasValue(1);
    }

    @Test
    void retriesStopAtTheBoundWithTheLastAnswer() throws Exception {
        String url = start();
        for (int i = 0; i < 100; i++) script.add(new int[] {500});
        long began = System.nanoTime();
        assertThatThrownBy(() -> client(url, 600).register("s-value", SCHEMA))
                .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("500");
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(requests.get()).isBetween(2, 10);
    }

    @Test
    void aRegistryThatRefusesConnectionsFailsAfterTheBoundNamingIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        long began = System.nanoTime();
        assertThatThrownBy(() -> client(url, 500).register("s-value", SCHEMA))
                .isInstanceOf(RegistryUnreachableException.class).hasMessageContaining(url);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
    }
}
