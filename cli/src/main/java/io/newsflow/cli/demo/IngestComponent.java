package io.newsflow.cli.demo;

import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.http.IngestService;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The ingest HTTP service on the contract's port, accepting the demo feed (key {@code demo}). */
final class IngestComponent implements DemoComponent {
    private IngestService service;
    private String url;

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public void start(DemoContext context) {
        // the user's keys first (demo --config): the demo's own addresses and its feed win
        Properties p = context.settingsFor("ingest.");
        p.setProperty("ingest.feed.demo.key", "demo");
        context.pulledFeeds().forEach((name, url) -> {
            p.setProperty("ingest.pull." + name + ".url", url);
            p.setProperty("ingest.pull." + name + ".interval", "PT10S");
            p.setProperty("ingest.pull." + name + ".format", "rss");
        });
        p.setProperty("ingest.pull.host.min-gap", p.getProperty("ingest.pull.host.min-gap", "PT0.5S"));
        p.setProperty("bootstrap.servers", context.kafkaBootstrapServers());
        p.setProperty("schema.registry.url", context.schemaRegistryUrl());
        p.setProperty("ingest.http.port", String.valueOf(context.options().ingestPort()));
        service = IngestService.start(IngestConfig.from(p, Map.of()));
        url = "http://127.0.0.1:" + service.port();
        context.ingestUrl(url);
    }

    @Override
    public List<String> describe() {
        return List.of(String.format("%-16s %s   POST /v1/articles (Authorization: Bearer demo), GET /health, GET /metrics",
                "Ingest", url));
    }

    @Override
    public void close() {
        service.close();
    }
}
