package io.newsflow.publish;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.schemas.service.ServiceMeters;
import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.publish.health.HealthServer;
import io.newsflow.publish.health.PublisherHealth;
import io.newsflow.publish.health.PublisherMetrics;
import io.newsflow.publish.json.FinishedArticleJson;
import io.newsflow.publish.route.ArticleRouter;
import io.newsflow.publish.validate.FinishedArticleValidator;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The publish service: creates its topics, wires the Avro serdes (Confluent wire format, schema registry), the
 * read_committed consumer and the transactional producer, and runs the publish loop on its own thread.
 * start()/stop() make it usable from the {@code publish} command, the demo and tests alike.
 */
public final class PublisherService implements io.newsflow.schemas.service.Service {
    private static final Logger log = LoggerFactory.getLogger(PublisherService.class);

    private final PublisherConfig config;
    private final PrometheusMeterRegistry meters;
    private List<KafkaClientMetrics> clientMetrics = List.of();
    private final PublisherHealth health = new PublisherHealth(Clock.systemUTC(), Duration.ofSeconds(30));
    private final ServiceMeters serviceMeters;
    private final PublisherMetrics metrics;
    private TopicSetup topicSetup;
    private TransactionalPublisher publisher;
    private HealthServer healthServer;
    private Thread thread;
    private final java.util.concurrent.CompletableFuture<Throwable> failed = new java.util.concurrent.CompletableFuture<>();

    public PublisherService(PublisherConfig config) {
        this.config = config;
        this.serviceMeters = new ServiceMeters("publish", config.instanceId());
        this.meters = serviceMeters.registry();
        this.metrics = new PublisherMetrics(meters);
    }

    public synchronized PublisherService start() {
        if (thread != null) {
            throw new IllegalStateException("publisher already started");
        }
        // one clear error for a wrong listener, password or registry credential instead of a loop of retries
        boolean answered = io.newsflow.schemas.config.AccessCheck.verify("publish", config.kafkaClientSettings(),
                config.serdeSettings(), java.time.Duration.ofSeconds(10));
        topicSetup = new TopicSetup(Admin.create(adminProperties()), config);
        topicSetup.createFixedTopics();
        if (answered) io.newsflow.schemas.config.AccessCheck.verifyTopicAccess("publish", config.kafkaClientSettings(),
                List.of(config.topics().enriched()), List.of(config.topics().articles(), config.topics().articlesJson(),
                        config.topics().latest(), config.topics().deadLetter()), java.time.Duration.ofSeconds(10));

        Map<String, Object> serdeConfig = new HashMap<>(config.serdeSettings());
        serdeConfig.put("specific.avro.reader", true);
        org.apache.kafka.common.serialization.Serde<EnrichedArticle> articleSerde =
                io.newsflow.schemas.serde.AvroSerdeFactory.specificSerde(serdeConfig, false);
        org.apache.kafka.common.serialization.Serde<DeadLetter> deadLetterSerde =
                io.newsflow.schemas.serde.AvroSerdeFactory.specificSerde(serdeConfig, false);

        ArticleRouter router = new ArticleRouter(config.topics(), articleSerde.deserializer(),
                articleSerde.serializer(), deadLetterSerde.serializer(), new FinishedArticleValidator(),
                new FinishedArticleJson(), topicSetup::ensureCountryTopic, Clock.systemUTC(), config.countryCopies());
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
        // the clients' own metrics (lag, request latency, batch sizes, transaction times) beside the service's
        clientMetrics = List.of(new KafkaClientMetrics(consumer), new KafkaClientMetrics(producer));
        clientMetrics.forEach(m -> m.bindTo(meters));
        publisher = new TransactionalPublisher(consumer, producer, router, config.topics().enriched(), metrics,
                health, config.pollTimeout(), Duration.ofMillis(500), config.commitInterval(), config.commitMaxRecords());
        if (config.healthPort() >= 0) {
            try {
                healthServer = new HealthServer("127.0.0.1", config.healthPort(), health, meters);
            } catch (RuntimeException e) {
                // Javalin's bind failure: name the setting that moves the port
                throw new IllegalStateException("cannot listen on 127.0.0.1:" + config.healthPort()
                        + " for /health (set publish.health.port, -1 turns it off)", e);
            }
        }
        TransactionalPublisher loop = publisher;
        thread = new Thread(() -> {
            loop.run();
            // the loop ends on stop() or on a failure it cannot go on from (fenced, refused): the latter is a signal
            if (loop.failure() != null) failed.complete(loop.failure());
        }, "newsflow-publish");
        thread.start();
        log.info("publisher started: transactional.id={} group={} in={} out={},{},{},{}* health={}",
                config.transactionalId(), config.groupId(), config.topics().enriched(), config.topics().articles(),
                config.topics().articlesJson(), config.topics().latest(), config.topics().countryPrefix(),
                healthServer == null ? "off" : "http://127.0.0.1:" + healthServer.port() + "/health");
        return this;
    }

    /** read_committed, manual offsets: the publisher commits offsets inside its transactions. */
    Properties consumerProperties() {
        Properties p = config.kafkaClientSettings();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.transactionalId() + "-consumer");
        // never read enrich output from aborted transactions
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // offsets go into the producer's transaction instead
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // no silent reset: a partition without a committed offset is read from its first record, and records
        // deleted before they were read are told as lost (TransactionalPublisher), never skipped in silence
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // static membership: a restarted instance takes its partitions back at once instead of waiting for the
        // dead member's session to time out; the old incarnation is fenced by this id and the transactional id
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.transactionalId());
        config.consumerOverrides().forEach(p::put);
        return p;
    }

    /** Idempotent, transactional, one stable transactional.id per instance. */
    Properties producerProperties() {
        Properties p = config.kafkaClientSettings();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.transactionalId() + "-producer");
        // stable across restarts: initTransactions fences the previous incarnation and aborts its open transaction
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // a short linger batches the five outputs of each article; commit flushes anyway
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // JSON and Avro text compress well and the CPU is cheap compared with the network on a real cluster
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // right after a commit the broker may still be writing the markers and answers the next transaction's first
        // produce with CONCURRENT_TRANSACTIONS; the default 100 ms backoff would add that to every transaction
        p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
        p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200);
        // a stuck transaction is aborted by the coordinator after this long (the default, 60 s, stalls restarts)
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        config.producerOverrides().forEach(p::put);
        return p;
    }

    private Properties adminProperties() {
        Properties p = config.kafkaClientSettings();
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, config.transactionalId() + "-admin");
        return p;
    }

    public PublisherHealth health() {
        return health;
    }

    public PublisherMetrics metrics() {
        return metrics;
    }

    public PrometheusMeterRegistry meterRegistry() {
        return meters;
    }

    /** The port /health listens on, or -1 when it is off. */
    public int healthPort() {
        return healthServer == null ? -1 : healthServer.port();
    }

    /** Blocks until the loop ends (stop() or a fatal error). */
    public void await() throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join();
        }
    }

    @Override
    public String name() {
        return "publish";
    }

    /** Where /health and /metrics listen, or empty when they are off. */
    @Override
    public String url() {
        return healthServer == null ? "" : "http://127.0.0.1:" + healthServer.port();
    }

    @Override
    public java.util.concurrent.CompletableFuture<Throwable> failed() {
        return failed;
    }

    public Throwable failure() {
        return publisher == null ? null : publisher.failure();
    }

    public synchronized void stop() {
        if (publisher != null) {
            publisher.stop();
        }
        if (thread != null) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        clientMetrics.forEach(KafkaClientMetrics::close);
        clientMetrics = List.of();
        if (healthServer != null) {
            healthServer.close();
            healthServer = null;
        }
        if (topicSetup != null) {
            topicSetup.close();
            topicSetup = null;
        }
    }

    @Override
    public void close() {
        stop();
        serviceMeters.close();
    }
}
