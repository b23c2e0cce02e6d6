package io.newsflow.schemas.registry;

/** 422: the registry could not parse the schema (42201) or the compatibility level (42203). */
public class InvalidSchemaException extends SchemaRegistryException {
    public InvalidSchemaException(String message, int errorCode) {
        super(message, 422, errorCode);
    }
}
