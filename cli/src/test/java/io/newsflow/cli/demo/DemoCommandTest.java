package io.newsflow.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.cli.Main;
import io.newsflow.schemas.Topics;
import io.newsflow.stack.Ports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void runsThePipelineForTheGivenDurationPrintsWhereItListensAndStopsEverything() throws Exception {
        int kafkaPort = Ports.freePort();
        int registryPort = Ports.freePort();
        int ingestPort = Ports.freePort();
        int frontPagePort = Ports.freePort();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.run("demo", "--duration", "25", "--rate", "20", "--data-dir", dataDir.toString(),
                    "--kafka-port", String.valueOf(kafkaPort), "--registry-port", String.valueOf(registryPort),
                    "--ingest-port", String.valueOf(ingestPort), "--frontpage-port", String.valueOf(frontPagePort),
                    "--enrich-port", String.valueOf(Ports.freePort()), "--publish-port", String.valueOf(Ports.freePort()));
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("newsflow demo ready in")
                .contains("127.0.0.1:" + kafkaPort)
                .contains("http://127.0.0.1:" + registryPort + "/apis/ccompat/v7")
                .contains(Topics.RAW + " (6 partitions, created)")
                .contains("http://127.0.0.1:" + ingestPort)
                .contains("http://127.0.0.1:" + frontPagePort)
                .contains("stopped cleanly");
        // the generator's items went through ingest, enrich and publish: finished articles came out
        java.util.regex.Matcher progress = java.util.regex.Pattern.compile("\\((\\d+) published\\)").matcher(out);
        long finished = 0;
        while (progress.find()) {
            finished = Long.parseLong(progress.group(1));
        }
        assertThat(finished).as(out).isPositive();
        // the console is for people: where things are, then one status line per 5 s; the logs are in files
        assertThat(out.lines().count()).as(out).isLessThanOrEqualTo(25);
        // the demo's own RSS feeds are polled and every source (the pushing generator, the two feeds) is ok
        assertThat(out).contains("Pulled feeds", "sources 3 ok");
        assertThat(out).doesNotContain(" WARN ", " INFO ").contains("all UP")
                .contains(dataDir.resolve("logs").toString());
        for (String part : java.util.List.of("ingest", "enrich", "publish", "demo")) {
            assertThat(dataDir.resolve("logs").resolve(part + ".log")).isNotEmptyFile();
        }
        assertThat(java.nio.file.Files.readString(dataDir.resolve("logs/enrich.log"))).contains("StreamThread");
        assertThat(Ports.isFree(ingestPort)).as("ingest stopped").isTrue();
        assertThat(Ports.isFree(frontPagePort)).as("front page stopped").isTrue();
        assertThat(Ports.isFree(kafkaPort)).as("broker stopped").isTrue();
        assertThat(Ports.isFree(registryPort)).as("registry stopped").isTrue();
        assertThat(dataDir.resolve("kafka/kafka-data/meta.properties")).exists();
        assertThat(dataDir.resolve("registry/registry.log")).exists();
    }

    @Test
    void aTakenPortStopsTheDemoBeforeAnythingStartsAndNamesTheOption() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            PrintStream original = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            int exit;
            try {
                System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
                exit = Main.run("demo", "--duration", "1", "--data-dir", dataDir.toString(),
                        "--kafka-port", String.valueOf(taken.getLocalPort()),
                        "--registry-port", String.valueOf(Ports.freePort()));
            } finally {
                System.setErr(original);
            }
            assertThat(exit).isEqualTo(1);
            assertThat(captured.toString(StandardCharsets.UTF_8))
                    .contains("127.0.0.1:" + taken.getLocalPort()).contains("--kafka-port");
            assertThat(dataDir.resolve("kafka")).doesNotExist();
        }
    }

    @Test
    void badOptionsExitWithCodeTwo() {
        assertThat(Main.run("demo", "--duration", "0")).isEqualTo(2);
        assertThat(Main.run("demo", "--rate", "-1")).isEqualTo(2);
        assertThat(Main.run("demo", "--kafka-port", "8081")).isEqualTo(2);
        assertThat(Main.run("demo", "--kafka-port", "70000")).isEqualTo(2);
        Path notAServiceKey = dataDir.resolve("demo.properties");
        try {
            java.nio.file.Files.createDirectories(dataDir);
            java.nio.file.Files.writeString(notAServiceKey, "ingest.pull.ap.url=https://example.com/ap.rss\nbootstrap.servers=x:9092\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(Main.run("demo", "--config", notAServiceKey.toString())).isEqualTo(2);
    }
}
