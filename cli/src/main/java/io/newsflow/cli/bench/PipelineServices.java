package io.newsflow.cli.bench;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.EnrichService;
import io.newsflow.enrich.app.StandardCountryTagging;
import io.newsflow.publish.PublisherService;
import io.newsflow.publish.config.PublisherConfig;

import java.nio.file.Path;
import java.time.Duration;

/** The pipeline's services, started in this JVM against the bench's broker and registry. */
final class PipelineServices implements AutoCloseable {
    private final EnrichService enrich;
    private final PublisherService publish;
    private final PipelineEntry entry;

    private PipelineServices(EnrichService enrich, PublisherService publish, PipelineEntry entry) {
        this.enrich = enrich;
        this.publish = publish;
        this.entry = entry;
    }

    static PipelineServices start(String bootstrap, String registryUrl, Path stateDir) {
        EnrichService enrich = EnrichService.start(EnrichConfig.defaults()
                .withBootstrap(bootstrap, registryUrl)
                .withInstance("bench-enrich", stateDir.resolve("enrich").toString(), 0), new StandardCountryTagging());
        PublisherService publish = new PublisherService(PublisherConfig.builder()
                .bootstrapServers(bootstrap)
                .schemaRegistryUrl(registryUrl)
                .groupId("bench-publish")
                .healthPort(-1)
                .build()).start();
        awaitRunning(enrich);
        PipelineEntry entry = new RawTopicEntry(bootstrap, registryUrl);
        return new PipelineServices(enrich, publish, entry);
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
        return entry instanceof HttpEntry ? "ingest -> enrich -> publish" : "enrich -> publish";
    }

    @Override
    public void close() {
        entry.close();
        publish.close();
        enrich.close();
    }
}
