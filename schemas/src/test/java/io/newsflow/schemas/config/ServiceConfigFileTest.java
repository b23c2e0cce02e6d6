package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigFileTest {
    @TempDir
    Path tmp;

    @Test
    void aCommandRunningServicesTakesTheirKeysAndNamesAnyOther() throws Exception {
        Path good = Files.writeString(tmp.resolve("good.properties"),
                "publish.commit.interval.ms=0\nenrich.commit.max.records=20\n");
        assertThat(ServiceConfigFile.serviceKeys("bench", good, List.of("enrich.", "publish.")))
                .containsEntry("publish.commit.interval.ms", "0").containsEntry("enrich.commit.max.records", "20");

        Path bad = Files.writeString(tmp.resolve("bad.properties"), "publish.poll.ms=50\ncommit.interval.ms=5\n");
        assertThatThrownBy(() -> ServiceConfigFile.serviceKeys("bench", bad, List.of("enrich.", "publish.")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("bench: --config " + bad + ": 'commit.interval.ms' is not a service key; bench passes "
                        + "enrich.*, publish.* keys to the services it runs");
    }
}
