package io.newsflow.frontpage.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newsflow.frontpage.FrontPageMetrics;
import io.newsflow.frontpage.FrontPageSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.frontpage.kafka.FeedConsumer;
import io.newsflow.frontpage.render.FrontJson;
import io.newsflow.frontpage.render.Html;
import io.newsflow.frontpage.render.PageRenderer;
import io.newsflow.frontpage.state.FrontSnapshot;
import io.newsflow.frontpage.state.LatestArticles;
import io.newsflow.frontpage.state.TrendingBoard;
import io.newsflow.frontpage.zone.DatelineZones;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front page service: a consumer of the finished-article and trending topics and an HTTP server on
 * {@code host:port} (default 127.0.0.1:8088) serving
 * {@code GET /} (front page), {@code GET /article/{id}}, {@code GET /api/front} (JSON), {@code GET /health}
 * (200 once the consumer has its partitions) and {@code GET /metrics} (Prometheus).
 *
 * <pre>{@code
 * try (FrontPageServer page = FrontPageServer.builder()
 *         .bootstrapServers("127.0.0.1:9092")
 *         .registryUrl("http://127.0.0.1:8081/apis/ccompat/v7")
 *         .build().start()) { ... }
 * }</pre>
 */
public final class FrontPageServer implements io.newsflow.schemas.service.Service {
    private static final Logger log = LoggerFactory.getLogger(FrontPageServer.class);

    /** No scripts, no frames, no outside requests: even text that slipped past escaping could do nothing. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Builder config;
    private final LatestArticles articles;
    private final TrendingBoard trending = new TrendingBoard();
    private final PageRenderer renderer = PageRenderer.standard();
    private final FrontJson json = new FrontJson(DatelineZones.standard());
    private final MeterRegistry metrics;
    /** the service's own registry, or null when the builder was given one */
    private final io.newsflow.schemas.service.ServiceMeters serviceMeters;
    private final PrometheusMeterRegistry prometheus;
    private final Clock clock;
    private FeedConsumer consumer;
    private Javalin app;
    private boolean closed;
    private final java.util.concurrent.CompletableFuture<Throwable> failed = new java.util.concurrent.CompletableFuture<>();

    private FrontPageServer(Builder b) {
        this.config = b;
        this.articles = new LatestArticles(b.maxArticles);
        this.clock = b.clock;
        if (b.meterRegistry != null) {
            this.serviceMeters = null;
            this.metrics = b.meterRegistry;
            this.prometheus = b.meterRegistry instanceof PrometheusMeterRegistry p ? p : null;
        } else {
            this.serviceMeters = new io.newsflow.schemas.service.ServiceMeters("frontpage", "");
            this.prometheus = serviceMeters.registry();
            this.metrics = prometheus;
        }
        FrontPageMetrics.ARTICLES.gauge(metrics, articles, LatestArticles::size);
        FrontPageMetrics.TRENDING_REGIONS.gauge(metrics, trending, TrendingBoard::size);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the consumer and the HTTP server; returns once the server listens. */
    public synchronized FrontPageServer start() {
        if (app != null || closed) {
            throw new IllegalStateException("front page already started or closed");
        }
        Map<String, Object> serde = new HashMap<>(config.serdeConfig);
        serde.put("schema.registry.url", config.registryUrl);
        consumer = new FeedConsumer(
                FeedConsumer.consumerProperties(config.bootstrapServers, config.consumerOverrides),
                serde, config.articlesTopic, config.trendingTopic, articles, trending, metrics);
        consumer.start();
        app = io.newsflow.schemas.service.ServiceHttp.create(this::health, prometheus)
                .before(ctx -> {
                    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                    ctx.header("X-Content-Type-Options", "nosniff");
                    ctx.header("Cache-Control", "no-store");
                })
                .get("/", ctx -> html(ctx, "front", () -> renderer.frontPage(snapshot())))
                .get("/article/{id}", this::article)
                .get("/api/front", ctx -> {
                    String body = timed("api", () -> json.render(snapshot()));
                    ctx.contentType("application/json; charset=utf-8").result(body);
                });
        try {
            app.start(config.host, config.port);
        } catch (RuntimeException e) {
            closeQuietly();
            throw new IllegalStateException("front page cannot listen on " + config.host + ":" + config.port
                    + " (" + e.getMessage() + "); choose another port with .port(...)", e);
        }
        log.info("front page on {} reading {} and {} from {}", url(), config.articlesTopic, config.trendingTopic,
                config.bootstrapServers);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public String url() {
        return "http://" + config.host + ":" + port();
    }

    @Override
    public String name() {
        return "frontpage";
    }

    /** The page has no loop that can die (its reader retries), so this never completes. */
    @Override
    public java.util.concurrent.CompletableFuture<Throwable> failed() {
        return failed;
    }

    /** True when the HTTP server runs and the consumer has its partitions. */
    public boolean healthy() {
        return app != null && consumer != null && consumer.healthy();
    }

    /** The current content, as the pages would show it. */
    public FrontSnapshot snapshot() {
        return new FrontSnapshot(articles.newestFirst(), trending.snapshot(), clock.instant());
    }

    private void article(Context ctx) {
        String id = Html.idFromSegment(ctx.pathParam("id"));
        EnrichedArticle article = articles.get(id);
        if (article == null) {
            ctx.status(404);
            html(ctx, "not_found", () -> renderer.notFound(id, snapshot()));
        } else {
            html(ctx, "article", () -> renderer.articlePage(article, snapshot()));
        }
    }

    private io.newsflow.schemas.service.Health health() {
        return io.newsflow.schemas.service.Health.of(name())
                .check("consumer", healthy(), consumer == null ? "NOT_STARTED" : consumer.state())
                .info("articles", articles.size())
                .info("regions", trending.size());
    }

    private void html(Context ctx, String page, Supplier<String> render) {
        ctx.contentType("text/html; charset=utf-8").result(timed(page, render));
    }

    private String timed(String page, Supplier<String> render) {
        return FrontPageMetrics.RENDER.timer(metrics, page).record(render);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly();
        if (serviceMeters != null) serviceMeters.close();
        log.info("front page stopped");
    }

    private void closeQuietly() {
        if (app != null) {
            try {
                app.stop();
            } catch (RuntimeException e) {
                log.warn("front page HTTP server did not stop cleanly: {}", e.toString());
            }
        }
        if (consumer != null) {
            try {
                consumer.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Settings; {@link #build()} says what is missing. */
    public static final class Builder {
        private String bootstrapServers;
        private String registryUrl;
        private String host = "127.0.0.1";
        private int port = 8088;
        private String articlesTopic = Topics.ARTICLES;
        private String trendingTopic = Topics.TRENDING;
        private int maxArticles = 50;
        private Map<String, Object> consumerOverrides = Map.of();
        private Map<String, Object> serdeConfig = Map.of();
        private MeterRegistry meterRegistry;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * The front page as a service reads it from its properties ({@link io.newsflow.schemas.config.ServiceProperties}):
         * bootstrap.servers, schema.registry.url, frontpage.http.host (127.0.0.1), frontpage.http.port (8088),
         * frontpage.max.articles (50), topics.name.articles and
         * topics.name.trending; every Kafka client key (security.protocol, sasl.*, ssl.*) reaches its consumers,
         * consumer.* its consumers only, and basic.auth.* its registry client.
         */
        public static Builder fromProperties(java.util.Properties p) {
            io.newsflow.schemas.topics.TopicContract topics = io.newsflow.schemas.topics.TopicContract.fromProperties(p);
            Builder b = new Builder()
                    .bootstrapServers(io.newsflow.schemas.config.CommonSettings.BOOTSTRAP_SERVERS.read(p))
                    .registryUrl(io.newsflow.schemas.config.CommonSettings.SCHEMA_REGISTRY_URL.read(p))
                    .host(FrontPageSettings.HTTP_HOST.read(p))
                    .port(FrontPageSettings.HTTP_PORT.read(p))
                    .maxArticles(FrontPageSettings.MAX_ARTICLES.read(p))
                    .articlesTopic(topics.name(io.newsflow.schemas.topics.TopicContract.Role.ARTICLES))
                    .trendingTopic(topics.name(io.newsflow.schemas.topics.TopicContract.Role.TRENDING));
            Map<String, Object> consumer = new java.util.HashMap<>();
            io.newsflow.schemas.config.ServiceProperties.kafkaClient(p).forEach((k, v) -> consumer.put((String) k, v));
            consumer.remove("bootstrap.servers");
            for (String k : p.stringPropertyNames()) {
                if (k.startsWith("consumer.")) consumer.put(k.substring("consumer.".length()), p.getProperty(k));
            }
            b.consumerProperties(consumer);
            Map<String, Object> serde = new java.util.HashMap<>(io.newsflow.schemas.config.ServiceProperties.serde(p));
            serde.remove("schema.registry.url");
            b.serdeConfig(serde);
            return b;
        }

        /** The HTTP port this builder will listen on (0: a free one). */
        public int httpPort() {
            return port;
        }

        /** Kafka bootstrap servers, e.g. 127.0.0.1:9092. Required. */
        public Builder bootstrapServers(String servers) {
            this.bootstrapServers = servers;
            return this;
        }

        /** Schema registry base URL (Confluent REST API), e.g. http://127.0.0.1:8081/apis/ccompat/v7. Required. */
        public Builder registryUrl(String url) {
            this.registryUrl = url;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** HTTP port; 0 picks a free one (see {@link FrontPageServer#port()}). Default 8088. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Finished articles (Avro EnrichedArticle, keyed by article id). Default news.articles. */
        public Builder articlesTopic(String topic) {
            this.articlesTopic = topic;
            return this;
        }

        /** Ranked lists (Avro TrendingList, keyed by region). Default news.trending. */
        public Builder trendingTopic(String topic) {
            this.trendingTopic = topic;
            return this;
        }

        /** How many of the newest articles are kept and shown. Default 50. */
        public Builder maxArticles(int max) {
            this.maxArticles = max;
            return this;
        }

        /** Extra consumer properties (security settings, timeouts); they win over the defaults. */
        public Builder consumerProperties(Map<String, Object> overrides) {
            this.consumerOverrides = Map.copyOf(overrides);
            return this;
        }

        /** Extra deserializer settings (basic.auth.*, ...); schema.registry.url comes from {@link #registryUrl}. */
        public Builder serdeConfig(Map<String, Object> config) {
            this.serdeConfig = Map.copyOf(config);
            return this;
        }

        /** Where the metrics go; by default a Prometheus registry served at /metrics. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = registry;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public FrontPageServer build() {
            require(bootstrapServers, "bootstrapServers", "e.g. .bootstrapServers(\"127.0.0.1:9092\")");
            require(registryUrl, "registryUrl", "e.g. .registryUrl(\"http://127.0.0.1:8081/apis/ccompat/v7\")");
            require(host, "host", "e.g. .host(\"127.0.0.1\")");
            require(articlesTopic, "articlesTopic", "e.g. .articlesTopic(\"news.articles\")");
            require(trendingTopic, "trendingTopic", "e.g. .trendingTopic(\"news.trending\")");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("front page port must be 0..65535, was " + port);
            }
            if (maxArticles < 1) {
                throw new IllegalArgumentException("maxArticles must be at least 1, was " + maxArticles);
            }
            if (articlesTopic.equals(trendingTopic)) {
                throw new IllegalArgumentException("articlesTopic and trendingTopic are both " + articlesTopic
                        + "; they carry different records");
            }
            return new FrontPageServer(this);
        }

        private static void require(String value, String name, String hint) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("front page needs " + name + ": " + hint);
            }
        }
    }
}
