package io.newsflow.schemas.registry;

import org.apache.avro.Schema;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caches what never changes in a registry: the id of a schema under a subject, and the schema of an id. So a
 * serializer or deserializer calls the registry once per schema, not once per record. "Latest version" answers
 * can change and are cached for {@code latest.cache.ttl.sec} (forever by default, as in Confluent's client).
 * Compatibility calls always go to the registry.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {
    private final SchemaRegistryClient registry;
    private final Optional<Duration> latestTtl;
    private final Clock clock;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, RegisteredSchema>> lookupsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Timed> latestBySubject = new ConcurrentHashMap<>();

    private record Timed(RegisteredSchema value, Instant fetched) {
    }

    public CachedSchemaRegistryClient(SchemaRegistryClient registry) {
        this(registry, Optional.empty(), Clock.systemUTC());
    }

    public CachedSchemaRegistryClient(SchemaRegistryClient registry, Optional<Duration> latestTtl, Clock clock) {
        this.registry = registry;
        this.latestTtl = latestTtl;
        this.clock = clock;
    }

    /** The uncached client underneath. */
    public SchemaRegistryClient delegate() {
        return registry;
    }

    @Override
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        // computeIfAbsent holds back other threads asking for the same schema, so a burst of first records
        // (a hundred concurrent requests at start-up) makes one registry call, not a hundred
        return ids.computeIfAbsent(schema, s -> {
            int id = registry.register(subject, s);
            schemasById.putIfAbsent(id, s);
            return id;
        });
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        Map<Schema, RegisteredSchema> lookups = lookupsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        return lookups.computeIfAbsent(schema, s -> {
            RegisteredSchema found = registry.lookup(subject, s);
            schemasById.putIfAbsent(found.id(), s);
            return found;
        });
    }

    @Override
    public Schema getSchemaById(int id) {
        return schemasById.computeIfAbsent(id, registry::getSchemaById);
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        Timed cached = latestBySubject.get(subject);
        Instant now = clock.instant();
        if (cached != null && latestTtl.map(ttl -> cached.fetched().plus(ttl).isAfter(now)).orElse(true)) {
            return cached.value();
        }
        RegisteredSchema latest = registry.getLatestVersion(subject);
        latestBySubject.put(subject, new Timed(latest, now));
        schemasById.putIfAbsent(latest.id(), latest.schema());
        return latest;
    }

    @Override
    public CompatibilityLevel updateCompatibility(String subject, CompatibilityLevel level) {
        return registry.updateCompatibility(subject, level);
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        return registry.getCompatibility(subject);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        return registry.testCompatibility(subject, schema);
    }
}
