package io.newsflow.cli;

import io.newsflow.schemas.config.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ClusterOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        ClusterOptions cluster;
    }

    private static ClusterOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.cluster;
    }

    @Test
    void theFilesClientKeysGoToTheClientWithTheCommandLinesBootstrapOverIt(@TempDir Path tmp) throws Exception {
        Path config = Files.writeString(tmp.resolve("c.properties"), """
                bootstrap.servers=kafka-1:9093
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                ssl.truststore.location=/etc/newsflow/truststore.p12
                enrich.commit.interval.ms=100
                topics.name.articles.json=wire.json
                """);
        Properties fromFile = parse("--config", config.toString()).client("probe", "newsflow-probe");
        assertThat(fromFile)
                .containsEntry("bootstrap.servers", "kafka-1:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/newsflow/truststore.p12")
                .containsEntry("client.id", "newsflow-probe")
                .doesNotContainKey("enrich.commit.interval.ms");
        ClusterOptions both = parse("--config", config.toString(), "--bootstrap-server", "10.0.0.5:9092");
        assertThat(both.client("probe", "x")).containsEntry("bootstrap.servers", "10.0.0.5:9092")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(both.contract("probe").name(io.newsflow.schemas.topics.TopicContract.Role.ARTICLES_JSON))
                .isEqualTo("wire.json");
    }

    @Test
    void withNeitherTheLocalBrokerIsAskedAndABadFileIsBadInputNamingIt(@TempDir Path tmp) throws Exception {
        assertThat(parse().client("probe", "x")).containsEntry("bootstrap.servers", ClusterOptions.DEFAULT_BOOTSTRAP);
        Path missing = tmp.resolve("absent.properties");
        assertThatThrownBy(() -> parse("--config", missing.toString()).client("probe", "x"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("probe: ").hasMessageContaining("absent.properties");
    }
}
