package io.newsflow.schemas.registry;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema registry held in memory, for unit tests only (behind {@code mock://scope} URLs, see
 * {@link MockSchemaRegistry}). Behaves like Confluent's server where serdes can tell: global ids from 1, the same
 * schema gets the same id in every subject, re-registering returns the existing id, default compatibility
 * BACKWARD checked with Avro's SchemaCompatibility, and the same exceptions and error codes as the REST client.
 * Counts every call so tests can prove that the cache in front of it works.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {
    private final String scope;
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    private final Map<String, CompatibilityLevel> levelBySubject = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private CompatibilityLevel defaultLevel = CompatibilityLevel.BACKWARD;
    private int nextId = 1;

    public InMemorySchemaRegistry(String scope) {
        this.scope = scope;
    }

    /** Every call made to this registry so far (what HTTP requests a real registry would have received). */
    public int requestCount() {
        return requests.get();
    }

    public synchronized void setDefaultCompatibility(CompatibilityLevel level) {
        defaultLevel = level;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        requests.incrementAndGet();
        String text = schema.toString();
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        Integer existing = idsBySchemaText.get(text);
        if (existing != null && versions.contains(existing)) {
            return existing;
        }
        List<String> problems = AvroCompatibility.problems(levelOf(subject), schema,
                versions.stream().map(schemasById::get).toList());
        if (!problems.isEmpty()) {
            throw new IncompatibleSchemaException(subject, "Failed registering a schema under subject '" + subject
                    + "' in " + where() + ": the schema is incompatible with an earlier version under compatibility "
                    + levelOf(subject) + ": " + String.join("; ", problems), 409);
        }
        int id = existing != null ? existing : nextId++;
        idsBySchemaText.put(text, id);
        schemasById.put(id, schema);
        versions.add(id);
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        requests.incrementAndGet();
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaNotFoundException("Failed looking up schema " + schema.getFullName() + " under subject '"
                    + subject + "' in " + where() + ": subject not found", SchemaNotFoundException.SUBJECT_NOT_FOUND);
        }
        Integer id = idsBySchemaText.get(schema.toString());
        int index = id == null ? -1 : versions.indexOf(id);
        if (index < 0) {
            throw new SchemaNotFoundException("Failed looking up schema " + schema.getFullName() + " under subject '"
                    + subject + "' in " + where() + ": schema not found", SchemaNotFoundException.SCHEMA_NOT_FOUND);
        }
        return new RegisteredSchema(subject, id, index + 1, schemasById.get(id));
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        requests.incrementAndGet();
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaNotFoundException("Failed fetching schema id " + id + " from " + where()
                    + ": schema not found", SchemaNotFoundException.SCHEMA_NOT_FOUND);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatestVersion(String subject) {
        requests.incrementAndGet();
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaNotFoundException("Failed fetching the latest version of subject '" + subject + "' from "
                    + where() + ": subject not found", SchemaNotFoundException.SUBJECT_NOT_FOUND);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, id, versions.size(), schemasById.get(id));
    }

    @Override
    public synchronized CompatibilityLevel updateCompatibility(String subject, CompatibilityLevel level) {
        requests.incrementAndGet();
        levelBySubject.put(subject, level);
        return level;
    }

    @Override
    public synchronized CompatibilityLevel getCompatibility(String subject) {
        requests.incrementAndGet();
        return levelOf(subject);
    }

    @Override
    public synchronized boolean testCompatibility(String subject, Schema schema) {
        requests.incrementAndGet();
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        return AvroCompatibility.problems(levelOf(subject), schema, versions.stream().map(schemasById::get).toList())
                .isEmpty();
    }

    private CompatibilityLevel levelOf(String subject) {
        return levelBySubject.getOrDefault(subject, defaultLevel);
    }

    private String where() {
        return RegistryClientConfig.MOCK_SCHEME + scope;
    }
}
