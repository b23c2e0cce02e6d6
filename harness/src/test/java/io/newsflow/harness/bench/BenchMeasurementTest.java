package io.newsflow.harness.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchMeasurementTest {

    @Test
    void brokerClockRateCountsTheGapsBetweenFirstAndLastAppend() {
        // 1,001 records appended over 2 s: 1,000 gaps, 500 per second (not 1,001 / 2)
        assertThat(Measurement.appendRate(1_001, 10_000, 12_000)).isEqualTo(500.0);
        Measurement m = Measurement.brokerClock("hop", 1_001, 1_001, 10_000, 12_000, Measurement.newHistogram());
        assertThat(m.seconds()).isEqualTo(2.0);
        assertThat(m.perSecond()).isEqualTo(500.0);
        assertThat(m.fromMillis()).isEqualTo(10_000);
        assertThat(m.toMillis()).isEqualTo(12_000);
    }

    @Test
    void brokerClockRateIsUnknownWithoutTwoRecordsApart() {
        assertThat(Measurement.appendRate(1, 10_000, 10_000)).isNaN();
        assertThat(Measurement.appendRate(50, 10_000, 10_000)).isNaN(); // all in one batch: no time between them
        assertThat(Measurement.appendRate(0, Long.MAX_VALUE, Long.MIN_VALUE)).isNaN(); // nothing arrived
    }

    @Test
    void cpuPerArticleAndCoresComeFromTheSameWindowAsTheRate() {
        Measurement m = Measurement.brokerClock("hop", 1_001, 1_001, 10_000, 12_000, Measurement.newHistogram())
                .withCpu(new CpuSampler.Use(2_000_000, 1_000_000, 10_000));
        // 1,000 articles in the window
        assertThat(m.appCpuMicrosPerArticle()).isEqualTo(2_000.0);
        assertThat(m.brokerCpuMicrosPerArticle()).isEqualTo(1_000.0);
        assertThat(m.registryCpuMicrosPerArticle()).isEqualTo(10.0);
        // 3.01 s of CPU in 2 s = cpu per article x rate
        assertThat(m.coresBusy()).isCloseTo(1.505, within(1e-9));
        assertThat(BenchCommand.Report.cpu(m)).isEqualTo("2000+1000");
    }

    @Test
    void withoutCpuNothingIsInvented() {
        Measurement m = new Measurement("raw produce", 100, 100, 1.0, Measurement.newHistogram());
        assertThat(m.coresBusy()).isNaN();
        assertThat(BenchCommand.Report.cpu(m)).isEqualTo("n/a");
        assertThat(m.hasWindow()).isFalse();
    }

    @Test
    void procStatFieldsAreCountedFromTheLastParenthesis() {
        // a command name with spaces and parentheses would shift naive field counting
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 9100 0 3 0 1234 567 8 9 20 0 30 0 2000 "
                + "4000000 500 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assertThat(CpuSampler.ticksFromStat(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void cpuBetweenTwoInstantsIsInterpolatedBetweenSamples() {
        CpuSampler sampler = new CpuSampler();
        sampler.add(new CpuSampler.Sample(1_000, 0, 0, Double.NaN));
        sampler.add(new CpuSampler.Sample(2_000, 1e9, 4e8, Double.NaN));
        sampler.add(new CpuSampler.Sample(3_000, 1e9, 6e8, Double.NaN));

        CpuSampler.Use half = sampler.between(1_500, 2_000);
        assertThat(half.appMicros()).isEqualTo(500_000.0);
        assertThat(half.brokerMicros()).isEqualTo(200_000.0);
        assertThat(half.registryMicros()).isNaN(); // no registry pid: unknown, not zero

        CpuSampler.Use idle = sampler.between(2_000, 3_000);
        assertThat(idle.appMicros()).isZero();
        assertThat(idle.brokerMicros()).isEqualTo(200_000.0);

        // outside the sampled range the nearest sample holds
        assertThat(sampler.between(0, 5_000).appMicros()).isEqualTo(1_000_000.0);
    }
}
