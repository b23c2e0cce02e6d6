package io.newsflow.ingest.http;

import io.newsflow.ingest.intake.Delivery;
import io.newsflow.ingest.intake.Intake;
import io.newsflow.ingest.intake.IntakeOutcome;
import io.newsflow.ingest.pull.FeedFetcher;
import io.newsflow.ingest.pull.FeedPoller;
import io.newsflow.ingest.pull.KafkaPollStateStore;
import io.newsflow.ingest.pull.PullSource;
import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.schemas.topics.TopicProvisioner;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;

/**
 * The poller of the sources configured under {@code ingest.pull.NAME.*}, fed into the same intake as pushed
 * documents. Poller settings: {@code ingest.pull.host.min-gap} (PT1S, between two requests to one host),
 * {@code ingest.pull.host.timeout} (PT10S), {@code ingest.pull.host.max-redirects} (5); bodies are bounded by
 * {@code ingest.max.body.bytes} like pushed ones.
 */
final class PullSetup {
    private PullSetup() {}

    /** The started poller, or null when no source is configured. */
    static FeedPoller start(IngestConfig config, Intake intake, io.newsflow.ingest.sources.SourceHealth health) {
        Properties settings = config.settings();
        List<PullSource> sources = PullSource.all(settings);
        if (sources.isEmpty()) {
            return null;
        }
        TopicContract topics = TopicContract.fromProperties(settings);
        String stateTopic = topics.name(TopicContract.Role.SOURCE_STATE);
        try (Admin admin = Admin.create(config.kafkaClientSettings())) {
            TopicProvisioner provisioner = TopicProvisioner.forCluster(admin, topics);
            provisioner.create(List.of(provisioner.contract().spec(TopicContract.Role.SOURCE_STATE),
                    provisioner.contract().spec(TopicContract.Role.SOURCES)));
        }
        Properties clients = config.kafkaClientSettings();
        FeedFetcher fetcher = new FeedFetcher(duration(settings, "ingest.pull.host.timeout", Duration.ofSeconds(10)),
                Integer.parseInt(settings.getProperty("ingest.pull.host.max-redirects", "5").trim()), config.maxBodyBytes());
        Duration gap = duration(settings, "ingest.pull.host.min-gap", Duration.ofSeconds(1));
        java.util.Map<String, io.newsflow.ingest.pull.FullText> fullText = new java.util.HashMap<>();
        for (PullSource s : sources) {
            if (s.fullText()) {
                fullText.put(s.name(), new io.newsflow.ingest.pull.FullText(fetcher, gap, s.policy(),
                        why -> health.fetchRefused(s.name(), why)));
            }
        }
        java.util.concurrent.atomic.AtomicLong deliveries = new java.util.concurrent.atomic.AtomicLong();
        FeedPoller.Sink sink = (source, doc) -> {
            String id = "pull-" + source.name() + "-" + Long.toString(System.currentTimeMillis(), 36) + "-"
                    + deliveries.incrementAndGet();
            Delivery delivery = new Delivery(source.feed(), source.name(), Delivery.Origin.PULL, id, doc.contentType(),
                    null, source.format() == null || "auto".equals(source.format()) ? null : source.format(), doc.body());
            IntakeOutcome outcome = intake.take(delivery, fullText.containsKey(source.name())
                    ? fullText.get(source.name()) : java.util.function.UnaryOperator.identity());
            // Unavailable: Kafka did not acknowledge, the poller tries again; every other outcome is durable
            return !(outcome instanceof IntakeOutcome.Unavailable);
        };
        return new FeedPoller(sources, fetcher, new KafkaPollStateStore(clients, stateTopic), sink,
                new FeedPoller.Settings(gap, Duration.ofHours(1)),
                Clock.systemUTC(), health).start();
    }

    private static Duration duration(Properties p, String key, Duration dflt) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Duration.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT1S, got '" + v + "'");
        }
    }
}
