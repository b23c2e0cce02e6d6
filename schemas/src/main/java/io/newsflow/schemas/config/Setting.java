package io.newsflow.schemas.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting, declared once: its key, type, default, what values it allows and what it does. A service reads it
 * through its declaration ({@link #read}), so the key and the default are written in one place, and the reference of
 * settings (docker/README.md) is generated from the declarations. A wrong value is refused naming the key, the value
 * and what is allowed.
 *
 * <pre>
 * static final Setting&lt;Integer&gt; HEALTH_PORT = Setting.integer("publish.health.port", 8083,
 *         "/health and /metrics; -1: off").atLeast(-1).example("9083");
 * </pre>
 */
public final class Setting<T> {
    private final String key;
    private final String type;
    private final T defaultValue;
    private final String defaultText;
    private final String description;
    private final Function<String, T> parse;
    private final Predicate<T> valid;
    private final String allowed;
    private final String example;

    private Setting(String key, String type, T defaultValue, String defaultText, String description,
                    Function<String, T> parse, Predicate<T> valid, String allowed, String example) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.description = description;
        this.parse = parse;
        this.valid = valid;
        this.allowed = allowed;
        this.example = example;
    }

    public static Setting<String> string(String key, String dflt, String description) {
        return new Setting<>(key, "string", dflt, dflt == null ? "" : dflt, description, String::trim, v -> true, null, null);
    }

    public static Setting<Integer> integer(String key, int dflt, String description) {
        return new Setting<>(key, "int", dflt, Integer.toString(dflt), description,
                v -> SettingValues.toInt(key, v, dflt), v -> true, null, null);
    }

    public static Setting<Long> longInteger(String key, long dflt, String description) {
        return new Setting<>(key, "long", dflt, Long.toString(dflt), description,
                v -> SettingValues.toLong(key, v, dflt), v -> true, null, null);
    }

    public static Setting<Double> decimal(String key, double dflt, String description) {
        return new Setting<>(key, "decimal", dflt, stripZeros(dflt), description,
                v -> SettingValues.toDouble(key, v, dflt), v -> true, null, null);
    }

    private static String stripZeros(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    public static Setting<Boolean> bool(String key, boolean dflt, String description) {
        return new Setting<>(key, "boolean", dflt, Boolean.toString(dflt), description,
                v -> SettingValues.toBoolean(key, v, dflt), v -> true, "true or false", null);
    }

    public static Setting<Duration> duration(String key, Duration dflt, String description) {
        return new Setting<>(key, "duration", dflt, dflt.toString(), description,
                v -> SettingValues.toDuration(key, v, dflt), v -> true, null, null);
    }

    /** One of {@code choices} (any case), read as its enum constant. */
    public static <E extends Enum<E>> Setting<E> choice(String key, E dflt, String description) {
        Class<E> type = dflt.getDeclaringClass();
        List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        return new Setting<>(key, "choice", dflt, dflt.name().toLowerCase(Locale.ROOT), description, v -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(v.trim())) return e;
            }
            throw new IllegalArgumentException(key + " must be one of " + String.join(", ", names) + ", got '" + v + "'");
        }, v -> true, "one of " + String.join(", ", names), null);
    }

    /** Only values passing {@code check}; {@code allowed} says which, in the refusal and the reference. */
    public Setting<T> validate(Predicate<T> check, String allowed) {
        return new Setting<>(key, type, defaultValue, defaultText, description, parse, valid.and(check), allowed, example);
    }

    /** A number from {@code min} to {@code max}. */
    public Setting<T> between(double min, double max) {
        return validate(v -> ((Number) v).doubleValue() >= min && ((Number) v).doubleValue() <= max,
                "from " + stripZeros(min) + " to " + stripZeros(max));
    }

    /** A duration longer than zero. */
    public Setting<T> positive() {
        return validate(v -> !((Duration) v).isNegative() && !((Duration) v).isZero(), "a duration longer than zero");
    }

    /** A whole number at least {@code min}. */
    public Setting<T> atLeast(long min) {
        return validate(v -> ((Number) v).longValue() >= min, "at least " + min);
    }

    /** A valid value other than the default, shown in the reference (and used by the test that each key is read). */
    public Setting<T> example(String value) {
        return new Setting<>(key, type, defaultValue, defaultText, description, parse, valid, allowed, value);
    }

    /** The default as the reference shows it, where the value is computed (a directory under $TMPDIR, say). */
    public Setting<T> documentedDefault(String text) {
        return new Setting<>(key, type, defaultValue, text, description, parse, valid, allowed, example);
    }

    /**
     * The value in {@code p}, or the default when absent (or, but for a string, blank); refused naming the key when not
     * allowed. A string set blank stays blank: an id set to nothing is refused by its service, not replaced.
     */
    public T read(Properties p) {
        String v = p.getProperty(key);
        if (v == null || (v.isBlank() && !type.equals("string"))) return defaultValue;
        T value = parse.apply(v);
        if (!valid.test(value)) {
            throw new IllegalArgumentException(key + " must be " + allowed + ", got '" + v.trim() + "'");
        }
        return value;
    }

    public String key() {
        return key;
    }

    public String type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** What values are allowed; null when any of its type. */
    public String allowed() {
        return allowed;
    }

    public String example() {
        return example;
    }

    @Override
    public String toString() {
        return key + " (" + type + ", default " + defaultText + ")";
    }
}
