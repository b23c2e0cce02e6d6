package io.newsflow.cli.e2e;

import io.newsflow.cli.Main;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The publish service in its own JVM, started the way deployments start it ({@code newsflow publish --config FILE}),
 * so the test can crash it for real: SIGKILL gives it no chance to commit, abort or leave its group.
 * It can also be frozen (SIGSTOP) to look at the broker while it is stopped in the middle of its work.
 */
final class PublisherProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private PublisherProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static PublisherProcess start(Path config, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "publish", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new PublisherProcess(p, log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    /** SIGKILL, as a crashed machine or the OOM killer would; returns once the process is gone. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("publisher pid " + process.pid() + " still alive 30 s after SIGKILL");
        }
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    /** SIGTERM: the publisher finishes its transaction and stops. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
