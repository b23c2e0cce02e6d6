package io.newsflow.publish;

import io.newsflow.publish.config.PublisherConfig;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Runs the publish service in the foreground until the process is told to stop (SIGTERM / Ctrl-C), then finishes
 * the current transaction and exits. {@code java io.newsflow.publish.PublisherMain [config.properties]};
 * the CLI's {@code publish --config FILE} does the same.
 */
public final class PublisherMain {
    private PublisherMain() {}

    public static void main(String[] args) {
        PublisherConfig config = args.length > 0 ? PublisherConfig.fromFile(Path.of(args[0]))
                : PublisherConfig.fromProperties(new Properties(), "defaults");
        System.exit(run(config));
    }

    /** @return 0 after a clean stop, 1 when the publish loop failed */
    public static int run(PublisherConfig config) {
        return io.newsflow.schemas.service.ServiceRunner.run(new PublisherService(config).start());
    }
}
