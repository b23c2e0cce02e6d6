package io.newsflow.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Working directories of the test brokers: under the module's target/ so their logs are easy to find. */
final class WorkDirs {
    private WorkDirs() {}

    /** {@code target/testkit/<name>-<pid>} when run from a module directory, else a temporary directory. */
    static Path forThisJvm(String name) {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        try {
            if (Files.isDirectory(target)) {
                Path dir = target.resolve("testkit").resolve(name + "-" + ProcessHandle.current().pid());
                return Files.createDirectories(dir);
            }
            return Files.createTempDirectory("newsflow-test-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a working directory for the test " + name, e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // leftovers under target/ are harmless; the next clean removes them
        }
    }
}
