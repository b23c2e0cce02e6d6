package io.newsflow.cli.enrich;

import io.newsflow.schemas.config.ServiceConfigFile;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.EnrichService;
import io.newsflow.enrich.app.StandardCountryTagging;
import io.newsflow.schemas.service.ServiceRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow enrich [--config FILE]}: the enrich service alone, for deployments. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Runs the enrich service (Kafka Streams, exactly once): news.articles.raw -> news.articles.enriched "
                + "and news.trending; GET /trending?region=global|RU, /health, /metrics on enrich.http.port (8090).",
                "Config keys: bootstrap.servers, schema.registry.url, application.id, enrich.* (see enrich/README.md); "
                        + "other keys go to Kafka Streams as they are."})
public final class EnrichCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file; defaults match the demo stack.")
    Path config;

    @Override
    public Integer call() {
        EnrichConfig cfg = ServiceConfigFile.load("enrich", config, EnrichConfig::fromProperties);
        // a lasting failure exits 1, so an orchestrator restarts the service
        return ServiceRunner.run(EnrichService.start(cfg, new StandardCountryTagging(cfg)));
    }
}
