package io.newsflow.cli.frontpage;

import io.newsflow.schemas.config.ServiceConfigFile;
import io.newsflow.frontpage.http.FrontPageServer;
import io.newsflow.schemas.service.ServiceRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow frontpage [--config FILE]}: the front page alone, a read_committed reader of our output. */
@Command(name = "frontpage", mixinStandardHelpOptions = true,
        description = {"Runs the front page: news.articles and news.trending laid out like a news site on "
                + "frontpage.http.port (8088); GET /health, /metrics.",
                "Config keys: bootstrap.servers, schema.registry.url, frontpage.http.host, frontpage.http.port, "
                        + "frontpage.max.articles, topics.name.*, consumer.*, security and basic.auth.* keys."})
public final class FrontPageCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file; environment variables override it.")
    Path config;

    @Override
    public Integer call() {
        FrontPageServer page = ServiceConfigFile.load("frontpage", config, p -> FrontPageServer.Builder.fromProperties(p).build());
        return ServiceRunner.run(page.start());
    }
}
