package io.newsflow.testkit;

import io.newsflow.stack.ChildProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A main class in its own JVM on this test JVM's classpath, output to a log file, so a test can crash it for real:
 * SIGKILL gives it no chance to commit, abort or leave its group. It can also be frozen (SIGSTOP) to look at the
 * broker while it is stopped in the middle of its work. {@link #close()} stops it with SIGTERM, so its own shutdown
 * hooks run. The tests' face of {@link ChildProcess}, which the bench and the chaos run start services with: the
 * child also ends with the test JVM.
 */
public final class ChildJvm implements AutoCloseable {
    private final ChildProcess process;

    private ChildJvm(ChildProcess process) {
        this.process = process;
    }

    /** Starts {@code java jvmOptions -cp <this classpath> main args}, stdout and stderr to {@code log}. */
    public static ChildJvm start(Class<?> main, List<String> args, List<String> jvmOptions, Path log) {
        return start(main, args, jvmOptions, Map.of(), log);
    }

    /** The same with these environment variables added to the child's. */
    public static ChildJvm start(Class<?> main, List<String> args, List<String> jvmOptions, Map<String, String> env,
                                 Path log) {
        // the test's own working directory: relative paths in the arguments mean what they mean to the test
        Path dir = Path.of("").toAbsolutePath();
        return new ChildJvm(ChildProcess.startJava(main.getSimpleName(), jvmOptions, System.getProperty("java.class.path"),
                main.getName(), args, env, dir, log.toAbsolutePath()));
    }

    /** Waits up to {@code timeout} for the process to end by itself; true when it has. */
    public boolean awaitExit(java.time.Duration timeout) throws InterruptedException {
        return process.awaitExit(timeout);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return process.logFile();
    }

    /** SIGSTOP: the process stays, frozen mid-work, until {@link #resume()}. */
    public void freeze() {
        process.freeze();
    }

    /** SIGCONT. */
    public void resume() {
        process.thaw();
    }

    /** SIGKILL, as a crashed machine or the OOM killer would; returns once the process is gone. */
    public void killHard() {
        process.kill();
        if (process.isAlive()) {
            throw new IllegalStateException("pid " + process.pid() + " still alive after SIGKILL; log " + log());
        }
    }

    /** SIGTERM and up to 30 s for a clean stop, then SIGKILL. Nothing to do when it is gone already. */
    @Override
    public void close() {
        process.close();
    }
}
