package io.newsflow.schemas.registry;

import java.util.Locale;

/** Compatibility levels of Confluent's REST API (same names on Apicurio's ccompat API and Karapace). */
public enum CompatibilityLevel {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE;

    /** True when a new schema must be able to read data written with older ones. */
    public boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** True when older schemas must be able to read data written with a new one. */
    public boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** True when the check covers every earlier version, not only the latest. */
    public boolean isTransitive() {
        return name().endsWith("_TRANSITIVE");
    }

    public static CompatibilityLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown compatibility level '" + text + "'; expected one of "
                    + java.util.Arrays.toString(values()), e);
        }
    }
}
