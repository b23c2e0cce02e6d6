package io.newsflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

    /** Writes a line every 20 ms; its shutdown hook writes "stopped". */
    public static final class Ticker {
        public static void main(String[] args) throws InterruptedException {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stopped")));
            for (int i = 0; ; i++) {
                System.out.println("tick " + i);
                Thread.sleep(20);
            }
        }
    }

    @TempDir
    Path dir;

    @Test
    void closeStopsWithSigtermSoShutdownHooksRun() throws Exception {
        ChildJvm child = startTicker("close.log");
        awaitTrue(() -> ticks(child) > 0, child);
        child.close();
        assertThat(child.isAlive()).isFalse();
        assertThat(lines(child)).contains("stopped");
    }

    @Test
    void killHardGivesNoChanceToCleanUp() throws Exception {
        try (ChildJvm child = startTicker("kill.log")) {
            awaitTrue(() -> ticks(child) > 0, child);
            child.killHard();
            assertThat(child.isAlive()).isFalse();
            assertThat(lines(child)).doesNotContain("stopped");
        }
    }

    @Test
    void frozenWritesNothingUntilResumed() throws Exception {
        try (ChildJvm child = startTicker("freeze.log")) {
            awaitTrue(() -> ticks(child) > 0, child);
            child.freeze();
            Thread.sleep(100); // a line being written as the signal lands
            long frozenAt = ticks(child);
            Thread.sleep(500); // 25 ticks' worth
            assertThat(ticks(child)).as("ticks while frozen").isEqualTo(frozenAt);
            assertThat(child.isAlive()).isTrue();
            child.resume();
            awaitTrue(() -> ticks(child) > frozenAt, child);
        }
    }

    private ChildJvm startTicker(String log) throws IOException {
        return ChildJvm.start(Ticker.class, List.of(), List.of("-Xmx32m"), dir.resolve(log));
    }

    private static long ticks(ChildJvm child) {
        return lines(child).stream().filter(l -> l.startsWith("tick ")).count();
    }

    private static List<String> lines(ChildJvm child) {
        try {
            return Files.readAllLines(child.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, ChildJvm child) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s; log %s: %s", child.log(), lines(child))
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
