package io.newsflow.ingest.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.SourceEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quiet and failing detection with a clock the test moves. */
class SourceHealthTest {
    /** A clock the test sets. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-04T06:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final TestClock clock = new TestClock();
    private final List<SourceEvent> events = new ArrayList<>();
    private final SourceHealth health = new SourceHealth(SourceHealth.Settings.defaults(), clock, events::add);

    @Test
    void aSourceThatUsuallySendsAndFallsSilentIsQuietThenOkWhenItSendsAgain() {
        for (int i = 0; i < 8; i++) {
            health.delivered("ap", "push", 3);
            clock.advance(Duration.ofMinutes(1));
        }
        health.evaluate();
        assertThat(events).isEmpty();
        clock.advance(Duration.ofMinutes(2)); // 3 min of silence: less than 4 times its usual minute
        health.evaluate();
        assertThat(events).isEmpty();
        clock.advance(Duration.ofMinutes(2)); // 5 min
        health.evaluate();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getSource()).isEqualTo("ap");
            assertThat(e.getState()).isEqualTo("quiet");
            assertThat(e.getPreviousState()).isEqualTo("ok");
            assertThat(e.getUsualGapMs()).isEqualTo(60_000L);
            assertThat(e.getReason()).contains("usual gap of 60 s");
        });
        health.evaluate();
        assertThat(events).hasSize(1); // a state change is told once
        health.delivered("ap", "push", 1);
        assertThat(events.get(1).getState()).isEqualTo("ok");
        SourceHealth.Source ap = health.all().get(0);
        assertThat(ap.items()).isEqualTo(25);
        assertThat(ap.usualPerHour()).isGreaterThan(0);
    }

    @Test
    void aNewSourceWithoutHistoryIsNeverQuiet() {
        health.delivered("new", "push", 1);
        clock.advance(Duration.ofHours(5));
        health.evaluate();
        assertThat(events).isEmpty();
    }

    @Test
    void repeatedPullFailuresMakeItFailingThenDisabledUntilItAnswersOrIsReEnabled() {
        health.register("rss", "pull");
        health.pullFailed("rss", "answered 500");
        health.pullFailed("rss", "answered 500");
        assertThat(events).isEmpty();
        health.pullFailed("rss", "timeout");
        assertThat(events).extracting(SourceEvent::getState).containsExactly("failing");
        assertThat(events.get(0).getFailures()).isEqualTo(3);
        for (int i = 0; i < 7; i++) {
            health.pullFailed("rss", "timeout");
        }
        assertThat(events).extracting(SourceEvent::getState).containsExactly("failing", "disabled");
        assertThat(health.disabled("rss")).isTrue();
        health.pulled("rss");
        assertThat(events).extracting(SourceEvent::getState).containsExactly("failing", "disabled", "ok");
        for (int i = 0; i < 10; i++) {
            health.pullFailed("rss", "timeout");
        }
        assertThat(health.enable("rss")).isTrue();
        assertThat(events.get(events.size() - 1).getReason()).contains("re-enabled");
        assertThat(health.disabled("rss")).isFalse();
        assertThat(health.enable("nope")).isFalse();
    }
}
