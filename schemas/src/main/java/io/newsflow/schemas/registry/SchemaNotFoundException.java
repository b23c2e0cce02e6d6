package io.newsflow.schemas.registry;

/** 404: unknown schema id (error_code 40403), unknown subject (40401) or version (40402). */
public class SchemaNotFoundException extends SchemaRegistryException {
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;

    public SchemaNotFoundException(String message, int errorCode) {
        super(message, 404, errorCode);
    }
}
