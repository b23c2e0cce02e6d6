package io.newsflow.enrich.errors;

import io.newsflow.schemas.registry.RegistryUnreachableException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Failures the infrastructure fixes by itself (the schema registry or a broker coming back): a record that meets
 * one is retried, never dead-lettered, and its thread's replacement does not count toward giving up.
 */
public final class Transient {
    private Transient() {}

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryUnreachableException || t instanceof RetriableException) return true;
        }
        return false;
    }
}
