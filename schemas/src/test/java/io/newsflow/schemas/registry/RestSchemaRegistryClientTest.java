package io.newsflow.schemas.registry;

import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transport behaviour of the REST client; the protocol itself is tested against the real registry. */
class RestSchemaRegistryClientTest {
    private static final Schema STRING = Schema.create(Schema.Type.STRING);

    @Test
    void closedPortIsUnreachableNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/apis/ccompat/v7";
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                RegistryClientConfig.from(Map.of("schema.registry.url", url)));

        assertThatThrownBy(() -> client.getSchemaById(42))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("/schemas/ids/42")
                .satisfies(e -> assertThat(((RegistryUnreachableException) e).url()).isEqualTo(url));
    }

    @Test
    void silentServerTimesOutWithinTheReadTimeout() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>(); // the acceptor thread adds
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept()); // accept, never answer
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                    "schema.registry.url", url, "http.read.timeout.ms", 300)));
            long start = System.nanoTime();

            assertThatThrownBy(() -> client.register("t-value", STRING))
                    .isInstanceOf(RegistryUnreachableException.class)
                    .hasMessageContaining("did not answer")
                    .hasMessageContaining(url);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
            acceptor.join(1000);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void secondUrlIsTriedWhenTheFirstIsDown() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = recordingServer(seen, 404, "{\"error_code\":40403,\"message\":\"Schema 42 not found\"}");
        try {
            String live = "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                    "schema.registry.url", "http://127.0.0.1:" + closed + "," + live,
                    "basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", "svc:s3cret")));

            assertThatThrownBy(() -> client.getSchemaById(42))
                    .isInstanceOf(SchemaNotFoundException.class)
                    .hasMessageContaining("schema id 42")
                    .hasMessageContaining("40403")
                    .satisfies(e -> assertThat(((SchemaNotFoundException) e).errorCode()).isEqualTo(40403));
            String expectedAuth = "Basic " + Base64.getEncoder().encodeToString("svc:s3cret".getBytes());
            assertThat(seen).containsExactly("GET /apis/ccompat/v7/schemas/ids/42 " + expectedAuth);
        } finally {
            server.stop(0);
        }
    }

    /** Records method, path and Authorization header of each request and gives one fixed answer. */
    private static HttpServer recordingServer(List<String> seen, int status, String body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
