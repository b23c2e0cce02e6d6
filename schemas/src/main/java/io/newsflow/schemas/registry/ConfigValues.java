package io.newsflow.schemas.registry;

import org.apache.kafka.common.config.ConfigException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from a Kafka-style config map, where values arrive either typed (Boolean, Integer) or as strings
 * from a properties file. Errors name the key and say what was expected.
 */
public final class ConfigValues {
    private final Map<String, ?> configs;

    public ConfigValues(Map<String, ?> configs) {
        this.configs = configs == null ? Map.of() : configs;
    }

    public boolean has(String key) {
        return configs.get(key) != null;
    }

    /** The first key that is set wins: lets a Confluent alias (e.g. a schema.registry.-prefixed key) stand in. */
    public String string(String defaultValue, String... keys) {
        for (String key : keys) {
            Object value = configs.get(key);
            if (value instanceof Class<?> type) {
                return type.getName();
            }
            if (value != null && !value.toString().isBlank()) {
                return value.toString().trim();
            }
        }
        return defaultValue;
    }

    public boolean bool(String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException(key, value, "expected true or false");
    }

    public long number(long defaultValue, String... keys) {
        for (String key : keys) {
            Object value = configs.get(key);
            if (value == null) {
                continue;
            }
            if (value instanceof Number n) {
                return n.longValue();
            }
            try {
                return Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(key, value, "expected a whole number");
            }
        }
        return defaultValue;
    }

    /** A list given as a java.util.List or as comma-separated text; empty when absent. */
    public List<String> list(String key) {
        Object value = configs.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items) {
            return items.stream().map(Object::toString).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
