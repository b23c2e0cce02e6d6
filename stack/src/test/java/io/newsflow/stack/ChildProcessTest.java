package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

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

    /**
     * Starts a ticker (args: its log, "owner" when this stops it itself) and, in its own shutdown hook, stops it after
     * a pause standing for the services it would stop first, saying whether the ticker was still running then.
     */
    public static final class Owner {
        public static void main(String[] args) throws InterruptedException {
            ChildProcess ticker = ChildProcess.startMain(Ticker.class, List.of(), List.of("-Xmx32m"), Map.of(),
                    Path.of(args[0]));
            if (args[1].equals("owner")) ticker.leaveStopToOwner();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                System.out.println("ticker running when its turn came: " + ticker.isAlive());
                ticker.close();
            }));
            System.out.println("started");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @TempDir
    Path dir;

    @Test
    void closeStopsWithSigtermSoShutdownHooksRun() throws Exception {
        ChildProcess child = startTicker("close.log");
        awaitTrue(() -> ticks(child) > 0, child);
        child.close();
        assertThat(child.isAlive()).isFalse();
        assertThat(lines(child)).contains("stopped");
    }

    @Test
    void killGivesNoChanceToCleanUp() throws Exception {
        try (ChildProcess child = startTicker("kill.log")) {
            awaitTrue(() -> ticks(child) > 0, child);
            child.kill();
            assertThat(child.isAlive()).isFalse();
            assertThat(lines(child)).doesNotContain("stopped");
        }
    }

    @Test
    void frozenWritesNothingUntilThawed() throws Exception {
        try (ChildProcess child = startTicker("freeze.log")) {
            awaitTrue(() -> ticks(child) > 0, child);
            child.freeze();
            Thread.sleep(100); // a line being written as the signal lands
            long frozenAt = ticks(child);
            Thread.sleep(500); // 25 ticks' worth
            assertThat(ticks(child)).as("ticks while frozen").isEqualTo(frozenAt);
            assertThat(child.isAlive()).isTrue();
            child.thaw();
            awaitTrue(() -> ticks(child) > frozenAt, child);
        }
    }

    @Test
    void aChildLeftToItsOwnerRunsUntilTheOwnerStopsItWhenItsGroupIsSignalled() throws Exception {
        assertThat(tickerRunningWhenOwnerStopsIt("owner")).isTrue();
    }

    @Test
    void aChildWithItsOwnHookStopsAtOnceOnSigterm() throws Exception {
        // what the demo's broker did on Ctrl-C: stopped before the services that still wrote to it
        assertThat(tickerRunningWhenOwnerStopsIt("hook")).isFalse();
    }

    private boolean tickerRunningWhenOwnerStopsIt(String mode) throws Exception {
        ChildProcess owner = ChildProcess.startMain(Owner.class, List.of(dir.resolve(mode + "-ticker.log").toString(), mode),
                List.of("-Xmx64m"), Map.of(), dir.resolve(mode + "-owner.log"));
        Path tickerLog = dir.resolve(mode + "-ticker.log");
        awaitTrue(() -> lines(owner).contains("started") && Files.exists(tickerLog) && lines(tickerLog).size() > 1, owner);
        // what Ctrl-C in a terminal does: the signal goes to the owner's whole process group at once, and every
        // shutdown hook of the owner starts together
        Process groupKill = new ProcessBuilder("kill", "-TERM", "--", "-" + owner.pid()).inheritIO().start();
        assertThat(groupKill.waitFor()).isZero();
        assertThat(owner.awaitExit(Duration.ofSeconds(30))).isTrue();
        String verdict = lines(owner).stream().filter(l -> l.startsWith("ticker running")).findFirst().orElseThrow();
        assertThat(lines(tickerLog)).as("the ticker's clean stop").contains("stopped");
        return verdict.endsWith("true");
    }

    private ChildProcess startTicker(String log) {
        return ChildProcess.startMain(Ticker.class, List.of(), List.of("-Xmx32m"), Map.of(), dir.resolve(log));
    }

    private static long ticks(ChildProcess child) {
        return lines(child).stream().filter(l -> l.startsWith("tick ")).count();
    }

    private static List<String> lines(ChildProcess child) {
        return lines(child.logFile());
    }

    private static List<String> lines(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, ChildProcess child) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s; log %s: %s", child.logFile(), lines(child))
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
