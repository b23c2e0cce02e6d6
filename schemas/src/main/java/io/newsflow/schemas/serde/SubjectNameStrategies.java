package io.newsflow.schemas.serde;

import org.apache.kafka.common.config.ConfigException;

import java.util.Map;

/**
 * Resolves a strategy from config. Confluent's class names
 * ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy} etc.) map to ours, so one config serves both
 * implementations; any other class implementing {@link SubjectNameStrategy} with a no-arg constructor works too.
 */
final class SubjectNameStrategies {
    private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";
    private static final Map<String, Class<? extends SubjectNameStrategy>> BUILT_IN = Map.of(
            "TopicNameStrategy", TopicNameStrategy.class,
            "RecordNameStrategy", RecordNameStrategy.class,
            "TopicRecordNameStrategy", TopicRecordNameStrategy.class);

    private SubjectNameStrategies() {
    }

    static SubjectNameStrategy resolve(String key, String className) {
        if (className == null) {
            return new TopicNameStrategy();
        }
        String simple = className.startsWith(CONFLUENT_PACKAGE) ? className.substring(CONFLUENT_PACKAGE.length()) : null;
        if (simple == null && BUILT_IN.containsKey(className)) {
            simple = className;
        }
        try {
            Class<?> type = simple != null && BUILT_IN.containsKey(simple) ? BUILT_IN.get(simple)
                    : Class.forName(className, true, loader());
            if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
                throw new ConfigException(key, className, "does not implement " + SubjectNameStrategy.class.getName());
            }
            return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(key, className, "cannot load it (" + e + "); use TopicNameStrategy, "
                    + "RecordNameStrategy or TopicRecordNameStrategy");
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SubjectNameStrategies.class.getClassLoader();
    }
}
