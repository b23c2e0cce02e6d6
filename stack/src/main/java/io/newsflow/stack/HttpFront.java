package io.newsflow.stack;

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
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An HTTP front for a schema registry on loopback: forwards every request to the registry and its answer back, and
 * can (1) let writes through one at a time, for a registry whose storage cannot take concurrent first
 * registrations, and (2) require Basic authentication, answering 401 with {@code WWW-Authenticate} like a secured
 * registry. {@link #url()} keeps the target's path, so it replaces the registry URL one to one.
 */
public final class HttpFront implements AutoCloseable {
    private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Accept", "Authorization");

    private final HttpServer server;
    private final ExecutorService pool;
    private final URI target;
    private final Optional<String> expectedAuthorization;
    private final ReentrantLock writes;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();

    private HttpFront(Builder b) throws IOException {
        this.target = URI.create(b.target);
        this.expectedAuthorization = b.user == null ? Optional.empty() : Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((b.user + ":" + b.password).getBytes(StandardCharsets.UTF_8)));
        this.writes = b.serializeWrites ? new ReentrantLock(true) : null;
        this.server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, b.port), 128);
        this.pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "registry-front");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A front for {@code targetUrl} (e.g. http://127.0.0.1:PORT/apis/ccompat/v7). */
    public static Builder forTarget(String targetUrl) {
        return new Builder(targetUrl);
    }

    /** The target's URL with this front's host and port. */
    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port() + (target.getPath() == null ? "" : target.getPath());
    }

    public int port() {
        return server.getAddress().getPort();
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
            if (expectedAuthorization.isPresent()
                    && !expectedAuthorization.get().equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refused.incrementAndGet();
                byte[] body = "{\"error_code\":401,\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"schema-registry\"");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            forwarded.incrementAndGet();
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            boolean write = !exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD");
            HttpResponse<byte[]> response;
            if (write && writes != null) writes.lock();
            try {
                response = forward(exchange, requestBody);
            } finally {
                if (write && writes != null) writes.unlock();
            }
            if (response == null) {
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

    /** The registry's answer, or null when it gave none (the caller answers 502, which clients retry). */
    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) {
        URI in = exchange.getRequestURI();
        URI out = URI.create(target.getScheme() + "://" + target.getRawAuthority() + in.getRawPath()
                + (in.getRawQuery() == null ? "" : "?" + in.getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(out).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : FORWARDED_HEADERS) {
            if (header.equals("Authorization") && expectedAuthorization.isPresent()) continue; // ours, not the target's
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) request.header(header, value);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    public static final class Builder {
        private final String target;
        private String user;
        private String password;
        private boolean serializeWrites;
        private int port;

        private Builder(String target) {
            if (target == null || !target.startsWith("http://")) {
                throw new IllegalArgumentException("the front forwards to an http:// URL, got " + target);
            }
            this.target = target;
        }

        /** Require these credentials (Basic); without it, requests pass as they come. */
        public Builder basicAuth(String user, String password) {
            if (user == null || user.isEmpty() || user.contains(":")) {
                throw new IllegalArgumentException("a basic-auth user is non-empty and has no ':'");
            }
            this.user = user;
            this.password = password;
            return this;
        }

        /** Let writes (anything but GET and HEAD) through one at a time; reads still pass at once. */
        public Builder serializeWrites(boolean serialize) {
            this.serializeWrites = serialize;
            return this;
        }

        /** Port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public HttpFront start() {
            try {
                return new HttpFront(this);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot listen on " + Ports.LOOPBACK + ":" + port
                        + " for the registry front (is the port taken?)", e);
            }
        }
    }
}
