package io.newsflow.generator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BurstScheduleTest {

    @Test
    void averageRateIsTheAskedRateAndBurstsAreFaster() {
        BurstSchedule s = new BurstSchedule(42, 1_000, true);
        long totalNanos = 0;
        long burstItems = 0;
        long minGap = Long.MAX_VALUE;
        long maxGap = 0;
        int n = 2_000_000; // about half an hour of schedule at 1,000/s
        for (int i = 0; i < n; i++) {
            long gap = s.nextGapNanos();
            totalNanos += gap;
            minGap = Math.min(minGap, gap);
            maxGap = Math.max(maxGap, gap);
            if (s.inBurst()) {
                burstItems++;
            }
        }
        double rate = n / (totalNanos / 1e9);
        assertThat(rate).isCloseTo(1_000, within(60.0));
        assertThat(burstItems).isGreaterThan(n / 5);
        assertThat((double) maxGap / minGap).isCloseTo(BurstSchedule.BURST_FACTOR / BurstSchedule.CALM_FACTOR,
                within(0.01));
    }

    @Test
    void withoutBurstsTheGapsAreEven() {
        BurstSchedule s = new BurstSchedule(1, 250, false);
        for (int i = 0; i < 1_000; i++) {
            assertThat(s.nextGapNanos()).isEqualTo(4_000_000L);
        }
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new BurstSchedule(1, 0, true)).hasMessageContaining("rate must be above 0");
    }
}
