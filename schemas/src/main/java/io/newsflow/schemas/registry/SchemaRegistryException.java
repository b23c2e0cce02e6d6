package io.newsflow.schemas.registry;

/**
 * A schema registry request failed. Carries the HTTP status and Confluent error_code when the registry
 * answered (both -1 when it did not).
 */
public class SchemaRegistryException extends RuntimeException {
    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, int status, int errorCode) {
        this(message, status, errorCode, null);
    }

    /** HTTP status of the registry's answer, -1 when there was none. */
    public int status() {
        return status;
    }

    /** Confluent error_code (e.g. 40403 schema not found), -1 when absent. */
    public int errorCode() {
        return errorCode;
    }
}
