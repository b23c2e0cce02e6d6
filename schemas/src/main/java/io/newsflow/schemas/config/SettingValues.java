package io.newsflow.schemas.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Properties;

/**
 * Typed reads of one setting, the one way every service parses its keys: absent or blank gives the default, a value
 * that is not of the type is refused naming the key, the value and what is allowed.
 */
public final class SettingValues {
    private SettingValues() {}

    public static int intOf(Properties p, String key, int dflt) {
        return toInt(key, p.getProperty(key), dflt);
    }

    public static int intOf(Map<String, String> m, String key, int dflt) {
        return toInt(key, m.get(key), dflt);
    }

    public static long longOf(Properties p, String key, long dflt) {
        return toLong(key, p.getProperty(key), dflt);
    }

    public static long longOf(Map<String, String> m, String key, long dflt) {
        return toLong(key, m.get(key), dflt);
    }

    public static double doubleOf(Properties p, String key, double dflt) {
        return toDouble(key, p.getProperty(key), dflt);
    }

    /** true or false (any case); anything else is refused by name. */
    public static boolean booleanOf(Properties p, String key, boolean dflt) {
        return toBoolean(key, p.getProperty(key), dflt);
    }

    static boolean toBoolean(String key, String v, boolean dflt) {
        if (v == null || v.isBlank()) return dflt;
        if (v.trim().equalsIgnoreCase("true")) return true;
        if (v.trim().equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    }

    /** An ISO-8601 duration (PT2H, P7D). */
    public static Duration durationOf(Properties p, String key, Duration dflt) {
        return toDuration(key, p.getProperty(key), dflt);
    }

    static Duration toDuration(String key, String v, Duration dflt) {
        if (v == null || v.isBlank()) return dflt;
        try {
            return Duration.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT2H or P7D, got '" + v + "'");
        }
    }

    static double toDouble(String key, String v, double dflt) {
        if (v == null || v.isBlank()) return dflt;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
        }
    }

    static int toInt(String key, String v, int dflt) {
        long n = toLong(key, v, dflt);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(key + " must be a whole number from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + ", got '" + v + "'");
        }
        return (int) n;
    }

    static long toLong(String key, String v, long dflt) {
        if (v == null || v.isBlank()) return dflt;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
    }
}
