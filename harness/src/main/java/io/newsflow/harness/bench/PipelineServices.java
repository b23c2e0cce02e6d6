package io.newsflow.harness.bench;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.EnrichService;
import io.newsflow.enrich.app.StandardCountryTagging;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.http.IngestService;
import io.newsflow.publish.PublisherService;
import io.newsflow.publish.config.PublisherConfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** The pipeline's services, started in this JVM against the bench's broker and registry. */
final class PipelineServices implements AutoCloseable {
    private final IngestService ingest;
    private final EnrichService enrich;
    private final PublisherService publish;
    private final PipelineEntry entry;

    private PipelineServices(IngestService ingest, EnrichService enrich, PublisherService publish,
                             PipelineEntry entry) {
        this.ingest = ingest;
        this.enrich = enrich;
        this.publish = publish;
        this.entry = entry;
    }

    /**
     * @param overHttp true: items go over HTTP to the ingest service (the whole pipeline, three hops);
     *                 false: ingest's parsers run in the bench and write news.articles.raw (enrich + publish only)
     * @param commitIntervalMs enrich's commit.interval.ms, or null for its own default
     * @param httpBatchMs      over HTTP: the batching window (0: one item per request)
     * @param serviceKeys      ingest.*, enrich.* and publish.* settings of the user's --config (may be empty)
     */
    static PipelineServices start(String bootstrap, String registryUrl, Path stateDir, boolean overHttp,
                                  Integer commitIntervalMs, long httpBatchMs, Properties serviceKeys) {
        Properties enrichSettings = io.newsflow.schemas.config.ServiceConfigFile.keysOf(serviceKeys, "enrich.");
        if (commitIntervalMs != null) {
            enrichSettings.setProperty("enrich.commit.interval.ms", commitIntervalMs.toString());
        }
        EnrichService enrich = EnrichService.start(EnrichConfig.fromProperties(enrichSettings)
                .withBootstrap(bootstrap, registryUrl)
                .withInstance("bench-enrich", stateDir.resolve("enrich").toString(), 0), new StandardCountryTagging());
        Properties publishSettings = io.newsflow.schemas.config.ServiceConfigFile.keysOf(serviceKeys, "publish.");
        publishSettings.setProperty("bootstrap.servers", bootstrap);
        publishSettings.setProperty("schema.registry.url", registryUrl);
        publishSettings.setProperty("publish.group.id", "bench-publish");
        publishSettings.setProperty("publish.health.port", "-1");
        PublisherService publish = new PublisherService(PublisherConfig.fromProperties(publishSettings)).start();
        awaitRunning(enrich);
        if (!overHttp) {
            return new PipelineServices(null, enrich, publish, new RawTopicEntry(bootstrap, registryUrl));
        }
        Properties p = io.newsflow.schemas.config.ServiceConfigFile.keysOf(serviceKeys, "ingest.");
        p.setProperty("bootstrap.servers", bootstrap);
        p.setProperty("schema.registry.url", registryUrl);
        p.setProperty("ingest.http.port", "0"); // any free port: a running demo keeps 8080
        p.setProperty("ingest.feed.demo.key", "demo"); // the bench's entries send as the demo feed
        IngestService ingest = IngestService.start(IngestConfig.from(p, Map.of()));
        URI root = URI.create("http://127.0.0.1:" + ingest.port());
        PipelineEntry entry = httpBatchMs > 0 ? new BatchingHttpEntry(root, httpBatchMs) : new HttpEntry(root);
        return new PipelineServices(ingest, enrich, publish, entry);
    }

    private static void awaitRunning(EnrichService enrich) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (enrich.streams().state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    PipelineEntry entry() {
        return entry;
    }

    /** Hops between the entry and news.articles, for the report. */
    String hops() {
        return entry instanceof RawTopicEntry ? "enrich -> publish" : "ingest -> enrich -> publish";
    }

    @Override
    public void close() {
        entry.close();
        if (ingest != null) {
            ingest.close();
        }
        publish.close();
        enrich.close();
    }
}
