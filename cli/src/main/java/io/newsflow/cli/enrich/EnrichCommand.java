package io.newsflow.cli.enrich;

import io.newsflow.cli.ServiceConfigFile;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.EnrichService;
import io.newsflow.enrich.app.StandardCountryTagging;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
    public Integer call() throws InterruptedException {
        EnrichConfig cfg = ServiceConfigFile.load("enrich", config, EnrichConfig::fromProperties);
        EnrichService service = EnrichService.start(cfg, new StandardCountryTagging(cfg));
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        Thread hook = new Thread(() -> {
            done.complete(null);
            service.close();
        }, "enrich-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        service.failed().thenAccept(done::complete);
        Throwable failure;
        try {
            failure = done.get();
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        if (failure == null) return 0;
        // a lasting failure: exit non-zero so an orchestrator restarts the service
        System.err.println("enrich: stopped on a lasting failure: " + failure);
        service.close();
        return 1;
    }
}
