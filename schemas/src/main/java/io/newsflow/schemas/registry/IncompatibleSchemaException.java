package io.newsflow.schemas.registry;

/** 409: the registry refused a schema that breaks the subject's compatibility level. */
public class IncompatibleSchemaException extends SchemaRegistryException {
    private final String subject;

    public IncompatibleSchemaException(String subject, String message, int errorCode) {
        super(message, 409, errorCode);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
