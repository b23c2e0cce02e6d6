package io.newsflow.schemas.registry;

import java.util.Map;

/** Builds the cached client a serde uses from its config: HTTP for http(s) URLs, in-memory for mock://scope. */
public final class SchemaRegistryClients {
    private SchemaRegistryClients() {
    }

    public static CachedSchemaRegistryClient fromConfig(Map<String, ?> configs) {
        RegistryClientConfig config = RegistryClientConfig.from(configs);
        SchemaRegistryClient client = config.mockScope()
                .<SchemaRegistryClient>map(MockSchemaRegistry::getClientForScope)
                .orElseGet(() -> new RestSchemaRegistryClient(config));
        return new CachedSchemaRegistryClient(client, config.latestCacheTtl(), java.time.Clock.systemUTC());
    }

    /** The client itself when it already caches, else a caching wrapper around it. */
    public static CachedSchemaRegistryClient cached(SchemaRegistryClient client) {
        return client instanceof CachedSchemaRegistryClient cached ? cached : new CachedSchemaRegistryClient(client);
    }
}
