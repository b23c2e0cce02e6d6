package io.newsflow.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.cli.Main;
import io.newsflow.harness.chaos.FaultSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short chaos run on the production shape (three brokers, the registry, two ingest, two enrich and two publish
 * instances, each its own JVM): one fault of every kind while the workload runs, then the checker. Fails on any
 * lost, duplicated, torn, out-of-order, unseen or wrongly-latest record, or an unexpected dead letter.
 */
class ChaosShortRunTest {

    @Test
    void oneFaultOfEveryKindLosesNothingAndDoublesNothing() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "chaos-short").toAbsolutePath());
        Path report = dir.resolve("report.json");
        String faults = String.join(",", FaultSchedule.KINDS.stream().map(k -> k + ":1").toList());
        int exit = Main.run("chaos", "--articles", "1200", "--rate", "12", "--faults", faults, "--seed", "7",
                "--report", report.toString(), "--work-dir", dir.resolve("run-" + System.nanoTime()).toString());

        JsonNode r = new ObjectMapper().readTree(report.toFile());
        List<String> kinds = new ArrayList<>();
        r.path("faults").fieldNames().forEachRemaining(kinds::add);
        assertThat(kinds).as("every kind of fault injected").containsExactlyInAnyOrderElementsOf(FaultSchedule.KINDS);
        assertThat(r.path("articles_acked").asInt()).isGreaterThan(1000);
        for (String anomaly : List.of("lost", "duplicated", "torn", "out_of_order", "latest_wrong", "unseen",
                "deadletters_unexpected")) {
            assertThat(r.path(anomaly).asLong()).as("%s (report %s: %s)", anomaly, report, r.path("examples")).isZero();
        }
        assertThat(r.path("deadletters_expected").asInt()).as("the malformed items").isPositive();
        assertThat(r.path("unrecovered")).as("every fault followed by output").isEmpty();
        assertThat(exit).isZero();
    }
}
