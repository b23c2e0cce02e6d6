package io.newsflow.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.ingest.support.Gzip;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The HTTP side: {@code POST /v1/articles}, {@code GET /health} (200 when Kafka answers, else 503),
 * {@code GET /metrics} (Prometheus text). The Bearer key is checked and an over-long Content-Length refused
 * before any body byte is read; the body is read with a hard byte limit.
 */
public final class IngestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Javalin app;
    private final IngestConfig config;

    public IngestServer(IngestConfig config, IngestHandler handler, BooleanSupplier kafkaUp, PrometheusMeterRegistry prometheus) {
        this(config, handler, kafkaUp, prometheus, null);
    }

    /** With {@code GET /v1/sources} (every source and its state) and {@code POST /v1/sources/NAME/enable}. */
    public IngestServer(IngestConfig config, IngestHandler handler, BooleanSupplier kafkaUp, PrometheusMeterRegistry prometheus,
                        io.newsflow.ingest.sources.SourceHealth health) {
        this.config = config;
        this.app = io.newsflow.schemas.service.ServiceHttp.create(() -> {
            boolean up = kafkaUp.getAsBoolean();
            return io.newsflow.schemas.service.Health.of("ingest").check("kafka", up,
                    up ? "the producer reaches the cluster" : "no broker answers the producer");
        }, prometheus);
        app.post("/v1/articles", ctx -> articles(ctx, handler));
        if (health != null) {
            app.get("/v1/sources", ctx -> ctx.contentType("application/json").result(SourcesJson.of(health).toString()));
            app.post("/v1/sources/{name}/enable", ctx -> {
                // changes what is polled: any feed's key, as for pushing
                IngestHandler.Response denied = handler.authenticate(ctx.header("Authorization"));
                if (denied != null) {
                    respond(ctx, denied);
                } else if (health.enable(ctx.pathParam("name"))) {
                    ctx.status(200).contentType("application/json").result(SourcesJson.of(health).toString());
                } else {
                    respond(ctx, new IngestHandler.Response(404, error("not_found", "no source named '" + ctx.pathParam("name") + "'"), Map.of()));
                }
            });
        }
    }

    public IngestServer start() {
        app.start(config.host(), config.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    private void articles(Context ctx, IngestHandler handler) throws IOException {
        String auth = ctx.header("Authorization");
        IngestHandler.Response denied = handler.authenticate(auth);
        if (denied == null) {
            Long length = ctx.req().getContentLengthLong() >= 0 ? ctx.req().getContentLengthLong() : null;
            denied = handler.checkLength(length, handler.feedOf(auth));
            if (denied == null) {
                byte[] body;
                try (InputStream in = ctx.req().getInputStream()) {
                    body = Gzip.readBounded(in, config.maxBodyBytes());
                } catch (IllegalArgumentException e) {
                    respond(ctx, new IngestHandler.Response(413, error("payload_too_large", e.getMessage()), Map.of()));
                    return;
                }
                respond(ctx, handler.handle(new IngestHandler.Request(auth, ctx.header("Content-Type"),
                        ctx.header("Content-Encoding"), length, body)));
                return;
            }
        }
        respond(ctx, denied);
    }

    private static String error(String code, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("error", code);
        n.put("message", message);
        return n.toString();
    }

    private static void respond(Context ctx, IngestHandler.Response r) {
        r.headers().forEach(ctx::header);
        ctx.status(r.status()).contentType("application/json").result(r.json());
    }

    @Override
    public void close() {
        app.stop();
    }
}
