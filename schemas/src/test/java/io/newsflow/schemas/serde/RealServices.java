package io.newsflow.schemas.serde;

import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;

import java.util.concurrent.CompletableFuture;

/** Starts this JVM's broker and registry side by side: each takes seconds, and neither needs the other. */
final class RealServices {
    private RealServices() {
    }

    static void startTogether() {
        CompletableFuture<String> registry = CompletableFuture.supplyAsync(TestSchemaRegistry::url);
        TestKafka.bootstrapServers();
        registry.join();
    }
}
