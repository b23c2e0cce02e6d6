package io.newsflow.ingest.http;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.schemas.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ingest service assembled from its config: Avro producer, parsers, metrics, HTTP server, Kafka health. */
public final class IngestService implements io.newsflow.schemas.service.Service {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final Producer<String, Object> producer;
    private final KafkaProbe probe;
    private final IngestServer server;
    private final io.newsflow.schemas.service.ServiceMeters meters;
    private final PrometheusMeterRegistry prometheus;
    private final KafkaClientMetrics producerMetrics;
    private final io.newsflow.ingest.pull.FeedPoller poller;
    private final io.newsflow.ingest.sources.SourceEvents sourceEvents;
    private final io.newsflow.ingest.sources.SourceHealth health;
    private final java.util.concurrent.ScheduledExecutorService quietCheck;
    /** Ingest has no loop that can die: a request that fails is answered as such, so this never completes. */
    private final java.util.concurrent.CompletableFuture<Throwable> failed = new java.util.concurrent.CompletableFuture<>();
    private final String host;

    private IngestService(IngestConfig config, Producer<String, Object> producer) {
        this.host = config.host();
        this.producer = producer;
        this.meters = new io.newsflow.schemas.service.ServiceMeters("ingest", "");
        this.prometheus = meters.registry();
        // the producer's own metrics (request latency, batch sizes, retries, errors) beside the service's
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(prometheus);
        this.probe = new KafkaProbe(config.kafkaClientSettings());
        io.newsflow.schemas.topics.TopicContract topics = io.newsflow.schemas.topics.TopicContract.fromProperties(config.settings());
        this.sourceEvents = new io.newsflow.ingest.sources.SourceEvents(producer,
                topics.name(io.newsflow.schemas.topics.TopicContract.Role.SOURCES), prometheus);
        this.health = new io.newsflow.ingest.sources.SourceHealth(io.newsflow.ingest.sources.SourceHealth.Settings.from(config.settings()),
                java.time.Clock.systemUTC(), sourceEvents);
        IngestMetrics metrics = new IngestMetrics(prometheus);
        io.newsflow.ingest.intake.Intake intake = new io.newsflow.ingest.intake.Intake(config, ParserRegistry.defaults(),
                producer, metrics, health);
        IngestHandler handler = new IngestHandler(config, intake, metrics);
        this.server = new IngestServer(config, handler, probe, prometheus, health).start();
        this.poller = PullSetup.start(config, intake, health);
        this.quietCheck = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsflow-ingest-source-health");
            t.setDaemon(true);
            return t;
        });
        quietCheck.scheduleAtFixedRate(health::evaluate, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
        // the JVM's uptime: how long a restarted ingest keeps its feeds waiting
        log.info("ingest listening on http://{}:{} (feeds {}, topic {}, dead letters {}, Kafka {}) {} ms after the JVM began",
                config.host(), server.port(), config.feedKeys().keySet(), config.rawTopic(), config.deadLetterTopic(),
                config.bootstrapServers(), java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        if (config.feedKeys().equals(Map.of("demo", "demo"))) {
            log.warn("ingest accepts only the demo feed with key 'demo': configure ingest.feed.NAME.key for real feeds");
        }
        if (config.feedKeys().isEmpty()) {
            log.info("no feed pushes here (no ingest.feed.NAME.key): POST /v1/articles answers 401; polled feeds only");
        }
    }

    /** Starts with a Kafka producer built from the config. */
    public static IngestService start(IngestConfig config) {
        requireFeeds(config);
        long began = System.nanoTime();
        // one clear error for a wrong listener, password or registry credential, not 503s for every request
        boolean answered = io.newsflow.schemas.config.AccessCheck.verify("ingest", config.kafkaClientSettings(),
                config.serdeSettings(), java.time.Duration.ofSeconds(10));
        if (answered) io.newsflow.schemas.config.AccessCheck.verifyTopicAccess("ingest", config.kafkaClientSettings(),
                List.of(), List.of(config.rawTopic(), config.deadLetterTopic()), java.time.Duration.ofSeconds(10));
        log.info("ingest checked Kafka and the registry in {} ms", (System.nanoTime() - began) / 1_000_000);
        return new IngestService(config, new KafkaProducer<>(producerProperties(config), new StringSerializer(),
                io.newsflow.schemas.serde.AvroSerdeFactory.<Object>serializer(config.serdeSettings(), false)));
    }

    /** Starts with a given producer (tests, benchmarks); it is closed with the service. */
    public static IngestService start(IngestConfig config, Producer<String, Object> producer) {
        requireFeeds(config);
        return new IngestService(config, producer);
    }

    /**
     * An ingest with no feed to take items from is a mistake, and one that would take items under a well-known key
     * a security hole: it refuses to start, naming what to set.
     */
    public static void requireFeeds(IngestConfig config) {
        if (config.feedKeys().isEmpty() && io.newsflow.ingest.pull.PullSource.all(config.settings()).isEmpty()) {
            throw new IllegalArgumentException("ingest has no feeds: set ingest.feed.NAME.key=SECRET for each feed that "
                    + "pushes (NEWSFLOW_CONFIG_INGEST_FEED_NAME_KEY), or ingest.pull.NAME.url for one it polls; there is "
                    + "no default key outside the demo");
        }
    }

    /**
     * Producer settings: idempotent with acks=all, so a retried batch is never duplicated or reordered and a 202
     * means every in-sync replica has the records; the values are Avro in Confluent's wire format.
     */
    public static Map<String, Object> producerProperties(IngestConfig config) {
        Map<String, Object> p = new HashMap<>();
        config.kafkaClientSettings().forEach((k, v) -> p.put(k.toString(), v));
        p.putAll(config.serdeSettings());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);  // the most idempotence keeps ordered
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);                     // batch the items of one request
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);               // send() gives up on missing metadata after 5 s -> 503
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(10_000, config.produceTimeoutMs()));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        p.putAll(config.producerOverrides());
        return p;
    }

    public int port() {
        return server.port();
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String url() {
        return "http://" + host + ":" + port();
    }

    @Override
    public java.util.concurrent.CompletableFuture<Throwable> failed() {
        return failed;
    }

    /** The health of every source this instance receives from or polls. */
    public io.newsflow.ingest.sources.SourceHealth sources() {
        return health;
    }

    public PrometheusMeterRegistry metrics() {
        return prometheus;
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        quietCheck.shutdownNow();
        if (poller != null) {
            poller.close();
        }
        server.close();
        sourceEvents.close();
        probe.close();
        producerMetrics.close();
        producer.close(java.time.Duration.ofSeconds(10));
        meters.close();
        log.info("ingest stopped");
    }
}
