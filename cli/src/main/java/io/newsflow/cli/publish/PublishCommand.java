package io.newsflow.cli.publish;

import io.newsflow.schemas.config.ServiceConfigFile;
import io.newsflow.publish.PublisherService;
import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.schemas.service.ServiceRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code newsflow publish [--config FILE]}: the publish service alone, for deployments. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Runs the publish service: news.articles.enriched -> news.articles, news.articles.json, "
                + "news.articles.country.<CC>, news.articles.latest (exactly once, Kafka transactions).",
                "Config keys: bootstrap.servers, schema.registry.url, publish.group.id, publish.instance.id, "
                        + "publish.topic.*, publish.health.port (see publish/README.md)."})
public final class PublishCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file; defaults match the demo stack.")
    Path config;

    @Override
    public Integer call() throws Exception {
        PublisherConfig cfg = ServiceConfigFile.load("publish", config,
                PublisherConfig::fromProperties);
        return ServiceRunner.run(new PublisherService(cfg).start());
    }
}
