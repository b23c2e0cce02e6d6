package io.newsflow.cli.e2e;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.stack.Ports;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Ingest and enrich as the end-to-end tests run them in their JVM: on the test broker and registry, their own topics. */
final class E2eConfigs {
    private E2eConfigs() {}

    /** Ingest on any free port with one feed and its key, writing to {@code raw} and {@code deadLetters}. */
    static IngestConfig ingest(String feed, String key, String raw, String deadLetters) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", TestKafka.bootstrapServers());
        p.setProperty("schema.registry.url", TestSchemaRegistry.url());
        p.setProperty("ingest.http.port", "0");
        p.setProperty("ingest.feed." + feed + ".key", key);
        p.setProperty("topics.name.raw", raw);
        p.setProperty("topics.name.deadletter", deadLetters);
        return IngestConfig.from(p, Map.of());
    }

    /** Enrich as application {@code appId}, its state under {@code stateDir}, between the given topics. */
    static EnrichConfig enrich(String appId, Path stateDir, String raw, String enriched, String trending)
            throws IOException {
        return EnrichConfig.defaults()
                .withBootstrap(TestKafka.bootstrapServers(), TestSchemaRegistry.url())
                .withTopics(raw, enriched, trending, null)
                .withInstance(appId, Files.createDirectories(stateDir).toString(), Ports.freePort());
    }
}
