package io.newsflow.ingest.pull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP server for the poller's tests: each path answers what its handler says; every request is recorded. */
final class FeedServer implements AutoCloseable {
    /** One request as the server saw it; {@code endNanos} is -1 until the answer is written. */
    record Seen(String path, long startNanos, long endNanos, String ifNoneMatch, String ifModifiedSince, String userAgent) {}

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    private final String scheme;
    private final String host;

    FeedServer() throws IOException {
        this("127.0.0.1");
    }

    /** On another loopback address (127.0.0.2: where a hostile link must not lead). */
    FeedServer(String bindAddress) throws IOException {
        this(HttpServer.create(new InetSocketAddress(bindAddress, 0), 0), "http", bindAddress);
    }

    /** HTTPS with the given keys; its URLs name {@code host} (the name its certificate carries). */
    static FeedServer https(javax.net.ssl.SSLContext tls, String host) throws IOException {
        com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
        return new FeedServer(https, "https", host);
    }

    private FeedServer(HttpServer created, String scheme, String host) {
        this.scheme = scheme;
        this.host = host;
        server = created;
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            long start = System.nanoTime();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            var headers = exchange.getRequestHeaders();
            String path = exchange.getRequestURI().getPath();
            // seen from its arrival, before any answer: a client that has its answer finds its request here
            int slot;
            synchronized (seen) {
                slot = seen.size();
                seen.add(new Seen(path, start, -1, headers.getFirst("If-None-Match"), headers.getFirst("If-Modified-Since"),
                        headers.getFirst("User-Agent")));
            }
            try {
                Handler h = handlers.get(exchange.getRequestURI().getPath());
                if (h == null) {
                    send(exchange, 404, new byte[0]);
                } else {
                    h.handle(exchange);
                }
            } finally {
                inFlight.decrementAndGet();
                seen.set(slot, new Seen(path, start, System.nanoTime(), headers.getFirst("If-None-Match"),
                        headers.getFirst("If-Modified-Since"), headers.getFirst("User-Agent")));
                exchange.close();
            }
        });
        server.start();
    }

    FeedServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    URI url(String path) {
        return URI.create(scheme + "://" + host + ":" + server.getAddress().getPort() + path);
    }

    List<Seen> requests(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
