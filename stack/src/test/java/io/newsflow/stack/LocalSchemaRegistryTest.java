package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the real registry is tested in the testkit module, which is built after the registry module. */
class LocalSchemaRegistryTest {

    @TempDir
    Path workDir;

    @Test
    void aMissingJarSaysHowToBuildIt() {
        Path missing = workDir.resolve("nowhere").resolve(LocalSchemaRegistry.RUNNER_JAR);
        assertThatThrownBy(() -> LocalSchemaRegistry.builder().workDir(workDir).runnerJar(missing).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("mvn -B -pl registry install")
                .hasMessageContaining("NEWSFLOW_REGISTRY_JAR");
    }

    @Test
    void anUnknownCompatibilityLevelIsRefusedBeforeStarting() {
        assertThatThrownBy(() -> LocalSchemaRegistry.builder().workDir(workDir).compatibility("BACKWARDS").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BACKWARDS");
    }
}
