package io.newsflow.cli.demo;

import io.newsflow.publish.PublisherService;
import io.newsflow.publish.config.PublisherConfig;
import java.util.List;

/** The transactional publisher of finished articles, with its health endpoint. */
final class PublishComponent implements DemoComponent {
    private PublisherService service;
    private int healthPort;

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public void start(DemoContext context) {
        healthPort = context.options().publishPort();
        java.util.Properties p = context.settingsFor("publish.");
        p.setProperty("bootstrap.servers", context.kafkaBootstrapServers());
        p.setProperty("schema.registry.url", context.schemaRegistryUrl());
        p.setProperty("publish.health.port", Integer.toString(healthPort));
        service = new PublisherService(PublisherConfig.fromProperties(p)).start();
    }

    @Override
    public List<String> describe() {
        return List.of(String.format("%-16s http://127.0.0.1:%d/health   (news.articles, news.articles.json, per-country)",
                "Publish", healthPort));
    }

    @Override
    public void close() {
        service.close();
    }
}
