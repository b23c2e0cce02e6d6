package io.newsflow.enrich.errors;

/**
 * A record a rule of the pipeline refuses (not a failure of the code): {@link DeadLetterProcessingHandler} writes it
 * to the dead letters with this reason and error type, logs one line without a stack trace, and goes on.
 */
public final class RecordRefusedException extends RuntimeException {
    private final String errorType;

    public RecordRefusedException(String errorType, String reason) {
        super(reason, null, false, false);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}
