package io.newsflow.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThreadFailurePolicyTest {
    final AtomicLong now = new AtomicLong(Instant.parse("2026-03-03T06:00:00Z").toEpochMilli());
    final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(now.get()); }
    };

    @Test
    void replacesUpToTheLimitWithinTheWindowThenShutsTheClientDown() {
        ThreadFailurePolicy policy = new ThreadFailurePolicy(2, Duration.ofMinutes(10), clock);
        assertThat(policy.handle(new RuntimeException("1"))).isEqualTo(REPLACE_THREAD);
        assertThat(policy.handle(new RuntimeException("2"))).isEqualTo(REPLACE_THREAD);
        assertThat(policy.fatal()).isNull();
        RuntimeException third = new RuntimeException("3");
        assertThat(policy.handle(third)).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(policy.fatal()).isSameAs(third);
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        ThreadFailurePolicy policy = new ThreadFailurePolicy(1, Duration.ofMinutes(10), clock);
        assertThat(policy.handle(new RuntimeException("a"))).isEqualTo(REPLACE_THREAD);
        now.addAndGet(Duration.ofMinutes(11).toMillis());
        assertThat(policy.handle(new RuntimeException("b"))).isEqualTo(REPLACE_THREAD);
        assertThat(policy.handle(new RuntimeException("c"))).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void zeroMeansNoReplacementAndNegativeIsRefused() {
        assertThat(new ThreadFailurePolicy(0, Duration.ofMinutes(1), clock).handle(new RuntimeException())).isEqualTo(SHUTDOWN_CLIENT);
        assertThatThrownBy(() -> new ThreadFailurePolicy(-1, Duration.ofMinutes(1), clock))
                .hasMessageContaining("enrich.thread.replacements.max");
    }

    @Test
    void aRegistryOrBrokerAwayNeverCountsTowardGivingUp() {
        ThreadFailurePolicy policy = new ThreadFailurePolicy(1, Duration.ofMinutes(10), clock);
        RuntimeException registryAway = new org.apache.kafka.streams.errors.StreamsException("Unable to serialize record",
                new org.apache.kafka.common.errors.SerializationException("cannot register",
                        new io.newsflow.schemas.registry.RegistryUnreachableException("http://127.0.0.1:8081", "unreachable", null)));
        for (int i = 0; i < 10; i++) {
            assertThat(policy.handle(registryAway)).isEqualTo(REPLACE_THREAD);
        }
        assertThat(policy.handle(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("moving"))).isEqualTo(REPLACE_THREAD);
        assertThat(policy.fatal()).isNull();
        // a lasting failure still counts as before
        assertThat(policy.handle(new RuntimeException("bug"))).isEqualTo(REPLACE_THREAD);
        assertThat(policy.handle(new RuntimeException("bug"))).isEqualTo(SHUTDOWN_CLIENT);
    }
}
