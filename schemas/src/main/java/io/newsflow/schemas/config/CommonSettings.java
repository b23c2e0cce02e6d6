package io.newsflow.schemas.config;

import java.util.List;

/** The settings every service reads the same way: where Kafka and the schema registry are. */
public final class CommonSettings {
    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("bootstrap.servers", "127.0.0.1:9092",
            "Kafka brokers").example("kafka-1:9092");
    public static final Setting<String> SCHEMA_REGISTRY_URL = Setting.string("schema.registry.url",
            "http://127.0.0.1:8081/apis/ccompat/v7", "schema registry (Confluent REST API)").example("http://registry:8081");
    public static final List<Setting<?>> ALL = List.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL);

    private CommonSettings() {}
}
