package io.newsflow.harness.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTest {

    private static Histogram millis(long... values) {
        Histogram h = Measurement.newHistogram();
        for (long v : values) {
            h.recordValue(v * 1000);
        }
        return h;
    }

    private static String print(BenchCommand.Report r) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        r.print(new PrintStream(buffer, true, StandardCharsets.UTF_8), 1000);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ratiosAreToRawAndToTheHopAndGoalsAreJudged() {
        BenchCommand.Report r = new BenchCommand.Report();
        r.flat.add(new Measurement("raw produce", 10_000, 10_000, 0.5, millis()));        // 20,000/s
        r.flat.add(new Measurement("pass-through hop", 10_000, 10_000, 1.0, millis()));   // 10,000/s
        r.flat.add(new Measurement("pipeline", 10_000, 10_000, 2.5, millis()));           // 4,000/s
        r.paced.add(new Measurement("raw produce", 100, 100, 0.1, millis(2, 2, 3, 4)));
        r.paced.add(new Measurement("pass-through hop", 100, 100, 0.1, millis(30, 40, 50, 60)));
        r.paced.add(new Measurement("pipeline", 100, 100, 0.1, millis(100, 120, 150, 250)));
        String out = print(r);

        assertThat(out).containsPattern("pipeline\\s+10000\\s+2\\.50\\s+4000\\s+0\\.20\\s+0\\.40");
        assertThat(out).contains("goal: pipeline >= 0.33 x hop throughput: met (0.40)");
        assertThat(out).contains("goal: pipeline p99 <= 300 ms at 1000/s: met");
    }

    @Test
    void warmUpPassesAreShownButNotUsedForRatiosAndTheBrokerClockRowIsCompared() {
        BenchCommand.Report r = new BenchCommand.Report();
        r.flat.add(new Measurement("raw produce", 10_000, 10_000, 0.5, millis()));        // 20,000/s
        r.flat.add(new Measurement("pass-through hop", 10_000, 10_000, 1.0, millis()));   // 10,000/s
        r.flat.add(new Measurement("pipeline", 10_000, 10_000, 2.5, millis()));           // 4,000/s
        r.flat.add(new Measurement("publish alone", 10_000, 10_000, 1.25, millis()));     // 8,000/s
        r.pipelineOnBroker = Measurement.brokerClock("pipeline", 10_001, 10_001, 0, 2_000, millis()); // 5,000/s
        // a cold first pass much slower than the measured one: it must not become the yardstick
        r.warmUps.add(new Measurement("hop warm-up", 10_000, 10_000, 5.0, millis()));
        r.paced.add(new Measurement("raw produce", 100, 100, 0.1, millis(2)));
        r.paced.add(new Measurement("pass-through hop", 100, 100, 0.1, millis(30)));
        r.paced.add(new Measurement("pipeline", 100, 100, 0.1, millis(100)));
        String out = print(r);

        assertThat(out).containsPattern("pipeline, broker clock\\s+10001\\s+2\\.00\\s+5000\\s+0\\.25\\s+0\\.50");
        assertThat(out).containsPattern("hop warm-up\\s+10000\\s+5\\.00\\s+2000\\s+-\\s+-");
        assertThat(out).containsPattern("publish alone\\s+10000\\s+1\\.25\\s+8000\\s+0\\.40\\s+0\\.80");
        // the goal stays on the first-item-sent figure and the measured hop
        assertThat(out).contains("goal: pipeline >= 0.33 x hop throughput: met (0.40)");
        assertThat(out.indexOf("pipeline, broker clock")).isLessThan(out.indexOf("publish alone"));
    }

    @Test
    void missedGoalsAndMissingRecordsAreSaid() {
        BenchCommand.Report r = new BenchCommand.Report();
        r.flat.add(new Measurement("raw produce", 10_000, 10_000, 0.5, millis()));
        r.flat.add(new Measurement("pass-through hop", 10_000, 10_000, 1.0, millis()));
        r.flat.add(new Measurement("pipeline", 9_000, 10_000, 9.0, millis()));            // 1,000/s = 0.10 of hop
        r.paced.add(new Measurement("raw produce", 100, 100, 0.1, millis(2)));
        r.paced.add(new Measurement("pass-through hop", 100, 100, 0.1, millis(30)));
        r.paced.add(new Measurement("pipeline", 100, 100, 0.1, millis(100, 200, 400, 900)));
        String out = print(r);

        assertThat(out).contains("(only 9000 of 10000 arrived)");
        assertThat(out).contains("hop throughput: NOT met (0.10)");
        assertThat(out).contains("p99 <= 300 ms at 1000/s: NOT met");
    }
}
