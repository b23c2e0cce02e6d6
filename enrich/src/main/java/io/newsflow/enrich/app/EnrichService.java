package io.newsflow.enrich.app;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.schemas.service.ServiceMeters;
import io.newsflow.enrich.CountryTagging;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.query.EnrichHttpServer;
import io.newsflow.enrich.query.TrendingQueries;
import io.newsflow.schemas.serde.AvroSerdeFactory;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.CloseOptions;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running enrich instance: the streams app, its topics, and its HTTP server (IQ, health, metrics). */
public final class EnrichService implements io.newsflow.schemas.service.Service {
    private static final Logger log = LoggerFactory.getLogger(EnrichService.class);

    private final EnrichConfig config;
    private final KafkaStreams streams;
    private final EnrichHttpServer http;
    private final ServiceMeters meters;
    private final PrometheusMeterRegistry metrics;
    private final KafkaStreamsMetrics streamsMetrics;
    private final CompletableFuture<Throwable> failed;

    private EnrichService(EnrichConfig config, KafkaStreams streams, EnrichHttpServer http, ServiceMeters meters,
                          KafkaStreamsMetrics streamsMetrics, CompletableFuture<Throwable> failed) {
        this.failed = failed;
        this.config = config;
        this.streams = streams;
        this.http = http;
        this.meters = meters;
        this.metrics = meters.registry();
        this.streamsMetrics = streamsMetrics;
    }

    /** Registry-backed serdes of the contract topics (Confluent wire format). */
    public static EnrichSerdes registrySerdes(String registryUrl) {
        return registrySerdes(Map.of("schema.registry.url", registryUrl, "auto.register.schemas", true));
    }

    /** Registry-backed serdes configured with the service's serde keys (registry URL, basic auth, serde class). */
    public static EnrichSerdes registrySerdes(Map<String, Object> conf) {
        return new EnrichSerdes(serde(conf), serde(conf), serde(conf), serde(conf));
    }

    private static <T extends SpecificRecord> Serde<T> serde(Map<String, Object> conf) {
        return AvroSerdeFactory.specificSerde(conf, false);
    }

    public static EnrichService start(EnrichConfig requested, CountryTagging tagger) {
        // one clear error for a wrong listener, password or registry credential, before any thread starts
        boolean answered = io.newsflow.schemas.config.AccessCheck.verify("enrich", EnrichTopics.adminProperties(requested),
                requested.serdeSettings(), java.time.Duration.ofSeconds(10));
        EnrichConfig config = EnrichTopics.ensure(requested);
        java.util.List<String> reads = config.engagementTopic() == null ? java.util.List.of(config.rawTopic())
                : java.util.List.of(config.rawTopic(), config.engagementTopic());
        if (answered) io.newsflow.schemas.config.AccessCheck.verifyTopicAccess("enrich", EnrichTopics.adminProperties(config),
                reads, java.util.List.of(config.enrichedTopic(), config.trendingTopic(),
                        config.topicContract().name(io.newsflow.schemas.topics.TopicContract.Role.DEADLETTER)),
                java.time.Duration.ofSeconds(10));
        ServiceMeters meters = new ServiceMeters("enrich", config.instanceId());
        PrometheusMeterRegistry metrics = meters.registry();
        Topology topology = EnrichTopology.buildTopology(registrySerdes(config.serdeSettings()), config, tagger, metrics);
        log.info("enrich topology:\n{}", topology.describe());
        java.util.Properties streamsProperties = config.streamsProperties();
        streamsProperties.put(io.newsflow.enrich.EnrichMetrics.REGISTRY_CONFIG, metrics); // for the dead-letter handlers
        KafkaStreams streams = new KafkaStreams(topology, streamsProperties);
        ThreadFailurePolicy failures = new ThreadFailurePolicy(config.threadReplacementsMax(), config.threadReplacementsWindow(),
                Clock.systemUTC());
        streams.setUncaughtExceptionHandler(failures);
        CompletableFuture<Throwable> stopped = new CompletableFuture<>();
        streams.setStateListener((now, before) -> {
            log.info("enrich {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                stopped.complete(failures.fatal() != null ? failures.fatal()
                        : new IllegalStateException("Kafka Streams went to ERROR"));
            }
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
        TrendingQueries queries = new TrendingQueries(streams, new HostInfo(config.httpHost(), config.httpPort()));
        EnrichHttpServer http = new EnrichHttpServer(streams, queries, metrics).start(config.httpHost(), config.httpPort());
        streams.start();
        log.info("enrich started: app={} raw={} enriched={} trending={} http=http://{}:{}", config.applicationId(),
                config.rawTopic(), config.enrichedTopic(), config.trendingTopic(), config.httpHost(), http.port());
        return new EnrichService(config, streams, http, meters, streamsMetrics, stopped);
    }

    @Override
    public String name() {
        return "enrich";
    }

    @Override
    public String url() {
        return baseUrl();
    }

    /** Completes with the cause when the service has stopped by itself on a lasting failure (ERROR state). */
    @Override
    public CompletableFuture<Throwable> failed() {
        return failed;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public String baseUrl() {
        return "http://" + config.httpHost() + ":" + http.port();
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        http.close();
        // leave the group at once: the instance that takes over (or this one restarted) gets the partitions now,
        // not after the session timeout
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        streamsMetrics.close();
        meters.close();
        log.info("enrich stopped: app={}", config.applicationId());
    }
}
