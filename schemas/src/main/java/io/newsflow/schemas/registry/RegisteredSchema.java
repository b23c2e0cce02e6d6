package io.newsflow.schemas.registry;

import org.apache.avro.Schema;

/** One version of a subject as the registry reports it: global schema id, version within the subject, schema. */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {
}
