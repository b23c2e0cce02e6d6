package io.newsflow.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory registries by scope, for unit tests: every serde configured with {@code schema.registry.url=mock://x}
 * shares the registry of scope {@code x} within the JVM (as with Confluent's MockSchemaRegistry).
 * Drop the scope after a test to start the next one empty.
 */
public final class MockSchemaRegistry {
    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    public static InMemorySchemaRegistry getClientForScope(String scope) {
        return SCOPES.computeIfAbsent(scope, InMemorySchemaRegistry::new);
    }

    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }
}
