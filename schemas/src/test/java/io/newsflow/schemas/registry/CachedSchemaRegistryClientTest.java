package io.newsflow.schemas.registry;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CachedSchemaRegistryClientTest {
    private static final Schema V1 = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
    private static final Schema V2 = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
                    + "{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}");

    @Test
    void idsAndSchemasAreFetchedOnce() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry("cache-ids");
        CachedSchemaRegistryClient cached = new CachedSchemaRegistryClient(registry);

        int id = cached.register("s", V1);
        for (int i = 0; i < 10; i++) {
            assertThat(cached.register("s", new Schema.Parser().parse(V1.toString()))).isEqualTo(id);
            assertThat(cached.getSchemaById(id)).isEqualTo(V1);
        }
        assertThat(registry.requestCount()).isEqualTo(1);

        cached.lookup("s", V1);
        cached.lookup("s", V1);
        assertThat(registry.requestCount()).isEqualTo(2);
    }

    @Test
    void latestVersionIsRefetchedAfterItsTtl() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry("cache-latest");
        MutableClock clock = new MutableClock();
        CachedSchemaRegistryClient cached = new CachedSchemaRegistryClient(registry, Optional.of(Duration.ofSeconds(60)), clock);
        registry.register("s", V1);

        assertThat(cached.getLatestVersion("s").schema()).isEqualTo(V1);
        registry.register("s", V2);
        assertThat(cached.getLatestVersion("s").schema()).isEqualTo(V1);
        clock.now = clock.now.plusSeconds(61);
        assertThat(cached.getLatestVersion("s").schema()).isEqualTo(V2);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
