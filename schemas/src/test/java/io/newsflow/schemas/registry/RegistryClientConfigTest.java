package io.newsflow.schemas.registry;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryClientConfigTest {

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes());
    }

    @Test
    void userInfoSourceGivesABasicAuthHeader() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of(
                "schema.registry.url", "http://127.0.0.1:8081/apis/ccompat/v7/",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "svc:s3cret"));

        assertThat(config.urls()).containsExactly("http://127.0.0.1:8081/apis/ccompat/v7");
        assertThat(config.authorizationHeader()).contains(basic("svc:s3cret"));
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void urlSourceTakesUserInfoFromTheUrlAndStripsIt() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of(
                "schema.registry.url", "https://svc:p%40ss@registry.example:8443, https://backup.example"));

        assertThat(config.urls()).containsExactly("https://registry.example:8443", "https://backup.example");
        assertThat(config.authorizationHeader()).contains(basic("svc:p@ss"));
    }

    @Test
    void prefixedConfluentKeysAndTimeoutsAreRead() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of(
                "schema.registry.url", List.of("http://a:1"),
                "schema.registry.basic.auth.credentials.source", "USER_INFO",
                "schema.registry.basic.auth.user.info", "u:p",
                "http.connect.timeout.ms", "1500",
                "http.read.timeout.ms", 2500,
                "latest.cache.ttl.sec", 30));

        assertThat(config.authorizationHeader()).contains(basic("u:p"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.latestCacheTtl()).contains(Duration.ofSeconds(30));
    }

    @Test
    void defaultsFollowConfluent() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:1"));

        assertThat(config.authorizationHeader()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.latestCacheTtl()).isEqualTo(Optional.empty());
        assertThat(config.mockScope()).isEmpty();
    }

    @Test
    void mockUrlGivesAScope() {
        assertThat(RegistryClientConfig.from(Map.of("schema.registry.url", "mock://unit")).mockScope()).contains("unit");
    }

    @Test
    void badSettingsFailWithTheKeyToFix() {
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "localhost:8081")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http(s)://");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:1",
                "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info=<user>:<password>");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:1",
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SASL_INHERIT is not supported");
    }

    @Test
    void credentialsInTheUrlNeverReachAnErrorMessage() {
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "ftp://svc:s3cret@registry:8081")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("registry:8081").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url",
                "mock://a,http://svc:s3cret@registry:8081"))).hasMessageNotContaining("s3cret");
        assertThat(io.newsflow.schemas.net.Urls.redact("http://svc:s3cret@registry:8081/apis/ccompat/v7,https://r2:8443?x=1"))
                .isEqualTo("http://registry:8081/apis/ccompat/v7,https://r2:8443/?...");
        assertThat(io.newsflow.schemas.net.Urls.redact("svc:s3cret@bad host")).doesNotContain("s3cret");
    }
}
