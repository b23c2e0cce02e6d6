package io.newsflow.publish;

import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.schemas.service.ServiceRunner;
import java.nio.file.Path;

/**
 * The publish service as {@code newsflow publish --config FILE} runs it (the cli module is not on this module's
 * classpath): the crash test's child JVM.
 */
public final class PublisherChild {
    private PublisherChild() {}

    public static void main(String[] args) {
        System.exit(ServiceRunner.run(new PublisherService(PublisherConfig.fromFile(Path.of(args[0]))).start()));
    }
}
