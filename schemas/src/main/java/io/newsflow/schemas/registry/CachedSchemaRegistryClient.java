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
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        // no lock around the remote call: two threads may both register, the registry returns the same id to both
        int id = registry.register(subject, schema);
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        Map<Schema, RegisteredSchema> lookups = lookupsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        RegisteredSchema cached = lookups.get(schema);
        if (cached != null) {
            return cached;
        }
        RegisteredSchema found = registry.lookup(subject, schema);
        lookups.put(schema, found);
        schemasById.putIfAbsent(found.id(), schema);
        return found;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = registry.getSchemaById(id);
        schemasById.putIfAbsent(id, schema);
        return schema;
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
