package io.newsflow.cli.demo;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.EnrichService;
import io.newsflow.enrich.app.StandardCountryTagging;
import java.util.List;
import java.util.Properties;

/** The enrich Kafka Streams app, its state under {@code <data-dir>/enrich}, interactive queries over HTTP. */
final class EnrichComponent implements DemoComponent {
    private EnrichService service;

    @Override
    public String name() {
        return "enrich";
    }

    @Override
    public void start(DemoContext context) {
        Properties settings = context.settingsFor("enrich.");
        // a stable member id: a demo restarted on its data directory takes its tasks back at once
        settings.setProperty("enrich.instance.id", "demo");
        // one instance: there is no other to keep a standby copy on (Streams would warn at every rebalance)
        settings.setProperty("num.standby.replicas", "0");
        EnrichConfig config = EnrichConfig.fromProperties(settings)
                .withBootstrap(context.kafkaBootstrapServers(), context.schemaRegistryUrl())
                .withInstance(EnrichConfig.DEFAULT_APPLICATION_ID, context.dataDir().resolve("enrich").toString(),
                        context.options().enrichPort());
        service = EnrichService.start(config, new StandardCountryTagging(config));
        context.enrichUrl(service.baseUrl());
    }

    @Override
    public List<String> describe() {
        return List.of(String.format("%-16s %s/trending?region=global   (Kafka Streams, exactly once)", "Enrich",
                service.baseUrl()));
    }

    @Override
    public void close() {
        service.close();
    }
}
