package io.newsflow.publish.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * GET /health (200 when UP, 503 otherwise, JSON details) and GET /metrics (Prometheus text) for the publisher.
 * The JDK's own HTTP server: two endpoints do not justify a web framework in this service.
 */
public final class HealthServer implements AutoCloseable {
    private final HttpServer server;

    public HealthServer(String host, int port, PublisherHealth health, PrometheusMeterRegistry prometheus)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/health", exchange -> {
            var doc = io.newsflow.schemas.service.Health.of("publish", health.state().name(),
                    health.state() == PublisherHealth.State.UP).with(health.details());
            respond(exchange, doc.httpStatus(), io.newsflow.schemas.service.Health.CONTENT_TYPE,
                    doc.json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        server.createContext("/metrics", exchange -> respond(exchange, 200,
                "text/plain; version=0.0.4; charset=utf-8", prometheus.scrape().getBytes(StandardCharsets.UTF_8)));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
