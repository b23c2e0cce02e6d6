package io.newsflow.cli.demo;

import io.newsflow.stack.LocalSchemaRegistry;
import java.util.List;

/**
 * The schema registry (Confluent's REST API), its database kept in {@code <data-dir>/registry} so the schema ids in
 * records the broker keeps stay valid across demo runs.
 */
final class RegistryComponent implements DemoComponent {
    private LocalSchemaRegistry registry;

    @Override
    public String name() {
        return "schema-registry";
    }

    @Override
    public void start(DemoContext context) {
        registry = LocalSchemaRegistry.builder()
                .workDir(context.dataDir().resolve("registry"))
                .port(context.options().registryPort())
                .persistent(true)
                .stoppedByOwner() // after the services, by the demo's lifecycle
                .start();
        context.schemaRegistryUrl(registry.url());
    }

    @Override
    public List<String> describe() {
        return List.of(String.format("%-16s %s   (log %s)", "Schema registry", registry.url(), registry.logFile()));
    }

    @Override
    public void close() {
        registry.close();
    }
}
