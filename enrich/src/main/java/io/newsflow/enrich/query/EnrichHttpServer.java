package io.newsflow.enrich.query;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.schemas.service.Health;
import io.newsflow.schemas.service.ServiceHttp;
import org.apache.kafka.streams.KafkaStreams;

/**
 * HTTP face of one enrich instance: {@code GET /trending?region=global|RU|...} (interactive queries,
 * forwarded to the owner when needed), {@code GET /health} (200 once the streams app is running),
 * {@code GET /metrics} (Prometheus).
 */
public final class EnrichHttpServer implements AutoCloseable {
    private final Javalin app;

    public EnrichHttpServer(KafkaStreams streams, TrendingQueries queries, PrometheusMeterRegistry metrics) {
        this.app = ServiceHttp.create(() -> {
                    KafkaStreams.State state = streams.state();
                    return Health.of("enrich").check("streams", state == KafkaStreams.State.RUNNING, state.name());
                }, metrics)
                .get("/trending", ctx -> {
                    TrendingQueries.Answer a = queries.query(ctx.queryParam("region") == null ? "global" : ctx.queryParam("region"),
                            "true".equals(ctx.queryParam("forwarded")));
                    ctx.status(a.status()).contentType("application/json").result(a.json());
                });
    }

    public EnrichHttpServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
