package io.newsflow.cli.ingest;

import io.newsflow.schemas.config.ServiceConfigFile;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.http.IngestService;
import io.newsflow.schemas.service.ServiceRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow ingest [--config FILE]}: runs the ingest HTTP service until stopped (Ctrl-C / SIGTERM). */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run the ingest service: POST /v1/articles (Bearer feed keys) into Kafka, GET /health, GET /metrics.")
public final class IngestCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (keys documented in io.newsflow.ingest.http.IngestConfig); environment variables override it.")
    Path config;

    @Override
    public Integer call() throws Exception {
        IngestConfig cfg = ServiceConfigFile.load("ingest", config, p -> IngestConfig.from(p, java.util.Map.of()));
        return ServiceRunner.run(IngestService.start(cfg));
    }
}
