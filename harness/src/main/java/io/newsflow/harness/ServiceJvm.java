package io.newsflow.harness;

import io.newsflow.schemas.config.ServiceConfigFile;
import io.newsflow.schemas.config.ServiceConfigFile;
import io.newsflow.stack.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One service in its own JVM, started the way a deployment starts it ({@code newsflow <service> --config FILE}),
 * which the bench and the chaos run stop, kill, freeze and start again. Each start logs to its own file.
 */
public final class ServiceJvm {
    private final Launcher launcher;
    private final String name;
    private final String command;
    private final Path config;
    private final Path logDir;
    private final List<String> jvmOptions;
    private ChildProcess process;
    private int starts;

    private ServiceJvm(Launcher launcher, String name, String command, Path config, Path logDir, List<String> jvmOptions) {
        this.launcher = launcher;
        this.name = name;
        this.command = command;
        this.config = config;
        this.logDir = logDir;
        this.jvmOptions = jvmOptions;
    }

    /** Writes {@code settings} to {@code <dir>/<name>.properties}; the JVM runs {@code newsflow <command> --config} it. */
    public static ServiceJvm of(Launcher launcher, String name, String command, Properties settings, Path dir, List<String> jvmOptions)
            throws IOException {
        Path file = ServiceConfigFile.write(dir.resolve(name + ".properties"), settings, "newsflow " + command + ": " + name);
        return new ServiceJvm(launcher, name, command, file, dir, jvmOptions);
    }

    public String name() {
        return name;
    }

    public synchronized void start() {
        starts++;
        process = ChildProcess.startJava(name, jvmOptions, System.getProperty("java.class.path"), launcher.mainClass(),
                List.of(command, "--config", config.toString()), Map.of(), logDir,
                logDir.resolve(name + "-" + starts + ".log"));
    }

    /** SIGTERM and wait: the service's own clean stop. */
    public synchronized void stop() {
        if (process != null) process.close();
    }

    /** SIGKILL. */
    public synchronized void kill() {
        if (process != null) process.kill();
    }

    /** SIGSTOP: the JVM stays, but nothing in it runs (a long GC pause, a frozen VM). */
    public void freeze() {
        current().freeze();
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        current().thaw();
    }

    private synchronized ChildProcess current() {
        return process;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized Path log() {
        return process == null ? null : process.logFile();
    }
}
