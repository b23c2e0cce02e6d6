package io.newsflow.schemas.registry;

import org.apache.avro.Schema;

/**
 * The subset of Confluent's Schema Registry REST API that Avro serdes and operators need.
 * Every failure is a {@link SchemaRegistryException} subclass whose message names the subject or id.
 */
public interface SchemaRegistryClient {

    /** POST /subjects/{subject}/versions: registers (or finds) the schema; returns its global id. */
    int register(String subject, Schema schema);

    /** POST /subjects/{subject}: the id and version of a schema already registered under the subject. */
    RegisteredSchema lookup(String subject, Schema schema);

    /** GET /schemas/ids/{id}: the schema with this global id. */
    Schema getSchemaById(int id);

    /** GET /subjects/{subject}/versions/latest. */
    RegisteredSchema getLatestVersion(String subject);

    /** PUT /config/{subject}: sets the subject's compatibility level; returns the level now in force. */
    CompatibilityLevel updateCompatibility(String subject, CompatibilityLevel level);

    /** GET /config/{subject}: the subject's own compatibility level (or the global default when it has none). */
    CompatibilityLevel getCompatibility(String subject);

    /** POST /compatibility/subjects/{subject}/versions/latest: whether the schema could be registered. */
    boolean testCompatibility(String subject, Schema schema);
}
