package io.newsflow.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy that requires Basic authentication and forwards what passes to a target (a schema registry), as
 * a registry secured by basic auth would answer: 401 with {@code WWW-Authenticate} when the credentials are missing
 * or wrong. {@link #url()} keeps the target's path, so it replaces the registry URL one to one.
 */
public final class BasicAuthProxy implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final URI target;
    private final String expected;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();

    private BasicAuthProxy(URI target, String user, String password) throws IOException {
        this.target = target;
        this.expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        this.pool = Executors.newFixedThreadPool(8);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A proxy on a free loopback port in front of {@code targetUrl}, letting only {@code user:password} through. */
    public static BasicAuthProxy start(String targetUrl, String user, String password) {
        try {
            return new BasicAuthProxy(URI.create(targetUrl), user, password);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the basic-auth proxy", e);
        }
    }

    /** The target's URL with this proxy's host and port. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + (target.getPath() == null ? "" : target.getPath());
    }

    /** Requests answered 401. */
    public int refused() {
        return refused.get();
    }

    /** Requests let through. */
    public int forwarded() {
        return forwarded.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!expected.equals(auth)) {
                refused.incrementAndGet();
                byte[] body = "{\"error_code\":401,\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"schema-registry\"");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            forwarded.incrementAndGet();
            URI in = exchange.getRequestURI();
            URI out = URI.create(target.getScheme() + "://" + target.getAuthority() + in.getRawPath()
                    + (in.getRawQuery() == null ? "" : "?" + in.getRawQuery()));
            byte[] requestBody;
            try (InputStream body = exchange.getRequestBody()) {
                requestBody = body.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(out).timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), requestBody.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            for (String header : List.of("Content-Type", "Accept")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) request.header(header, value);
            }
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
