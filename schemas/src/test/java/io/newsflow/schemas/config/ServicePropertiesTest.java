package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicePropertiesTest {
    @TempDir
    Path dir;

    @Test
    void theEnvironmentOverridesTheFileByOneRule() throws Exception {
        Path file = dir.resolve("svc.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\nenrich.http.port=1\nkeep=me\n");
        Properties p = ServiceProperties.load(file, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                "NEWSFLOW_CONFIG_ENRICH_HTTP_PORT", "2",
                "NEWSFLOW_CONFIG_SASL_JAAS_CONFIG", "x required;",
                "NEWSFLOW_CONFIG_ENRICH_STORY_BODY___CHARS", "400",
                "NEWSFLOW_CONFIG_MY__KEY", "u",
                "HOME", "/root"));
        assertThat(p).containsEntry("bootstrap.servers", "env:9092").containsEntry("enrich.http.port", "2")
                .containsEntry("sasl.jaas.config", "x required;").containsEntry("enrich.story.body-chars", "400")
                .containsEntry("my_key", "u").containsEntry("keep", "me").doesNotContainKey("home");
    }

    @Test
    void envNamesAndKeysAreInverse() {
        for (String key : new String[] {"sasl.jaas.config", "enrich.story.body-chars", "ingest.feed.ap_world.key"}) {
            assertThat(ServiceProperties.keyOf(ServiceProperties.envOf(key).substring(ServiceProperties.ENV_PREFIX.length())))
                    .isEqualTo(key);
        }
    }

    @Test
    void clientKeysAreTheCommonOnesAndSerdeKeysTheRegistryOnes() {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", "b:9092");
        p.setProperty("security.protocol", "SASL_PLAINTEXT");
        p.setProperty("sasl.mechanism", "SCRAM-SHA-256");
        p.setProperty("ssl.truststore.location", "/t.jks");
        p.setProperty("client.id", "not-shared");
        p.setProperty("linger.ms", "5"); // producer only
        p.setProperty("enrich.http.port", "1");
        p.setProperty("basic.auth.user.info", "u:p");
        p.setProperty("basic.auth.credentials.source", "USER_INFO");
        p.setProperty("schema.registry.url", "http://r");
        assertThat(ServiceProperties.kafkaClient(p)).containsOnlyKeys("bootstrap.servers", "security.protocol", "sasl.mechanism",
                "ssl.truststore.location");
        assertThat(ServiceProperties.serde(p)).containsOnlyKeys("basic.auth.user.info", "basic.auth.credentials.source",
                "schema.registry.url");
    }

    @Test
    void anUnreadableFileIsNamed() {
        assertThatThrownBy(() -> ServiceProperties.load(dir.resolve("nope.properties"), Map.of()))
                .hasMessageContaining("nope.properties");
    }
}
