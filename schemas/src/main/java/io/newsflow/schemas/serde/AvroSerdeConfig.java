package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.ConfigValues;

import java.util.Map;

/**
 * Serde settings under Confluent's keys and defaults (registry connection keys: see RegistryClientConfig).
 *
 * @param autoRegister       {@code auto.register.schemas} (true): register the record's schema on first use
 * @param useLatestVersion   {@code use.latest.version} (false): with auto-registration off, write with the
 *                           subject's latest schema instead of the record's own
 * @param latestCompatStrict {@code latest.compatibility.strict} (true): with use.latest.version, first check that
 *                           the latest schema can read the record's schema
 * @param specificReader     {@code specific.avro.reader} (false): read into generated SpecificRecord classes
 *                           instead of GenericRecord
 */
public record AvroSerdeConfig(boolean autoRegister, boolean useLatestVersion, boolean latestCompatStrict,
                              boolean specificReader, SubjectNameStrategy keyStrategy,
                              SubjectNameStrategy valueStrategy) {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        ConfigValues values = new ConfigValues(configs);
        return new AvroSerdeConfig(
                values.bool(AUTO_REGISTER_SCHEMAS, true),
                values.bool(USE_LATEST_VERSION, false),
                values.bool(LATEST_COMPATIBILITY_STRICT, true),
                values.bool(SPECIFIC_AVRO_READER, false),
                SubjectNameStrategies.resolve(KEY_SUBJECT_NAME_STRATEGY, values.string(null, KEY_SUBJECT_NAME_STRATEGY)),
                SubjectNameStrategies.resolve(VALUE_SUBJECT_NAME_STRATEGY, values.string(null, VALUE_SUBJECT_NAME_STRATEGY)));
    }

    public SubjectNameStrategy strategy(boolean isKey) {
        return isKey ? keyStrategy : valueStrategy;
    }
}
