package io.newsflow.publish.health;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.schemas.service.Health;
import io.newsflow.schemas.service.ServiceHttp;

/** GET /health (200 when UP, 503 otherwise, JSON details) and GET /metrics (Prometheus text) for the publisher. */
public final class HealthServer implements AutoCloseable {
    private final Javalin app;

    public HealthServer(String host, int port, PublisherHealth health, PrometheusMeterRegistry prometheus) {
        app = ServiceHttp.create(() -> health.health(), prometheus);
        app.start(host, port);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
