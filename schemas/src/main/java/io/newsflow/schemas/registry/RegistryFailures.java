package io.newsflow.schemas.registry;

/**
 * Tells a failure of the pipeline (the registry down, overloaded or refusing our credentials: retry, the record is
 * fine) from a failure of one record (its schema refused as incompatible or invalid, an id the registry never
 * issued: retrying cannot help, the record goes to the dead letters).
 */
public final class RegistryFailures {
    private RegistryFailures() {}

    /** True when something in the cause chain says the registry, not the record, is at fault. */
    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryUnreachableException) return true;
            if (t instanceof SchemaRegistryException r) {
                int s = r.status();
                return s >= 500 || s == 429 || s == 401 || s == 403 || s == -1;
            }
        }
        return false;
    }
}
