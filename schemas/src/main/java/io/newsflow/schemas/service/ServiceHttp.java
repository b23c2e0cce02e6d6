package io.newsflow.schemas.service;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/**
 * The one HTTP face of every service: a Javalin app serving {@code GET /health} (the one {@link Health} shape, 200
 * when up, 503 otherwise) and {@code GET /metrics} (Prometheus text), to which the service adds its own routes before
 * starting it.
 */
public final class ServiceHttp {
    public static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private ServiceHttp() {}

    /** @param metrics null: {@code /metrics} answers empty (a caller that keeps its meters elsewhere) */
    public static Javalin create(Supplier<Health> health, PrometheusMeterRegistry metrics) {
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
        });
        app.get("/health", ctx -> {
            Health h = health.get();
            ctx.status(h.httpStatus()).contentType(Health.CONTENT_TYPE).result(h.json());
        });
        app.get("/metrics", ctx -> ctx.contentType(METRICS_CONTENT_TYPE).result(metrics == null ? "" : metrics.scrape()));
        return app;
    }
}
