package io.newsflow.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java child process whose output goes to a log file, that dies with this JVM (stdin pipe, see
 * {@link ExitWithParent}, plus a shutdown hook) and stops with SIGTERM first, so its own shutdown hooks run. The one
 * process class of the stack (broker, registry), the harness (services the bench and the chaos run stop, kill and
 * freeze) and the tests (a main crashed for real).
 */
public final class ChildProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;
    private final OutputStream stdin;
    private boolean closed;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.stdin = process.getOutputStream(); // held open: closing it (or our death) ends the child
        this.shutdownHook = new Thread(this::close, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * A child runs in a session of its own where {@code setsid} exists (it execs, so the pid stays the child's). Ctrl-C
     * in a terminal signals the whole foreground process group: without this a broker the demo started would get the
     * SIGINT itself and stop at once, before the services that write to it. The child still ends with this JVM, by its
     * stdin pipe ({@link ExitWithParent}) and the owner's stop.
     */
    private static final List<String> OWN_SESSION = setsid();

    private static List<String> setsid() {
        for (String dir : List.of("/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, "setsid"))) return List.of(dir + "/setsid");
        }
        return List.of();
    }

    /** The java executable of the running JVM, so the child runs on the same Java version. */
    static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException("cannot find the java executable at " + java + " (java.home)");
        }
        return java.toString();
    }

    /**
     * Starts {@code java jvmArgs -cp classpath io.newsflow.stack.ExitWithParent mainClass args}, output appended to
     * logFile.
     */
    public static ChildProcess startJava(String name, List<String> jvmArgs, String classpath, String mainClass,
                                  List<String> args, Map<String, String> env, Path workDir, Path logFile) {
        List<String> command = new ArrayList<>(OWN_SESSION);
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(absolute(classpath));
        command.add(ExitWithParent.class.getName());
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            log.debug("started {} pid {}: {}", name, process.pid(), command);
            return new ChildProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (" + command.get(0) + ")", e);
        }
    }

    /**
     * Starts {@code main} on this JVM's classpath in this JVM's working directory (relative paths in the arguments mean
     * what they mean here), with {@code env} added to the child's environment.
     */
    public static ChildProcess startMain(Class<?> main, List<String> args, List<String> jvmOptions,
                                         Map<String, String> env, Path logFile) {
        return startJava(main.getSimpleName(), jvmOptions, System.getProperty("java.class.path"), main.getName(), args,
                env, Path.of("").toAbsolutePath(), logFile.toAbsolutePath());
    }

    /** Runs a short-lived java main to completion; fails with the tail of the log when it exits non-zero. */
    static void runJava(String name, List<String> jvmArgs, String classpath, String mainClass, List<String> args,
                        Path workDir, Path logFile, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(absolute(classpath));
        command.add(mainClass);
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; see "
                        + logFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + "; log "
                    + logFile + ":\n" + tail(logFile, 15));
        }
    }

    /** Children run in their own working directory: relative classpath entries would no longer resolve. */
    static String absolute(String classpath) {
        StringBuilder out = new StringBuilder();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(java.io.File.pathSeparatorChar);
            }
            out.append(entry.endsWith("*")
                    ? Path.of(entry.substring(0, entry.length() - 1)).toAbsolutePath() + java.io.File.separator + "*"
                    : Path.of(entry).toAbsolutePath().toString());
        }
        return out.toString();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Leaves stopping the child to its owner, who stops it in order from its own shutdown hook. The JVM runs all its
     * hooks at once: a broker's own hook would stop it at once on Ctrl-C, while the services of the same JVM still
     * write to it and then spend their own stop waiting for it. If the owner never gets to it, the child still ends
     * with this JVM (its stdin pipe closes).
     */
    public void leaveStopToOwner() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs already; close() is idempotent
        }
    }

    /** Waits up to {@code timeout} for the child to end by itself; true when it has. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fails with the end of the log if the child has exited; called while waiting for readiness. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting; log "
                    + logFile + ":\n" + tail(logFile, 20));
        }
    }

    /** SIGTERM, then wait for the child's own clean shutdown, then SIGKILL. Idempotent, safe from any thread. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or will run; close() is idempotent
            }
        }
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    log.warn("{} (pid {}) did not stop within 30 s; killing it", name, process.pid());
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the child is gone; nothing left to tell it
        }
    }

    /**
     * The pid file a child started on a working directory leaves there. When the process that started it was
     * killed, the child may still be shutting down (flushing, releasing its data directory's lock and its port):
     * waits until that process is gone, at most {@code max}.
     */
    public static void awaitPreviousExit(Path pidFile, String name, Duration max) {
        if (!Files.isRegularFile(pidFile)) return;
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return;
        }
        java.util.Optional<ProcessHandle> previous = ProcessHandle.of(pid)
                .filter(h -> h.info().command().map(c -> c.contains("java")).orElse(false));
        if (previous.isEmpty() || !previous.get().isAlive()) return;
        log.info("an earlier {} on this directory (pid {}) is still shutting down; waiting for it", name, pid);
        try {
            previous.get().onExit().get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("an earlier " + name + " (pid " + pid + ") still runs on this directory after "
                    + max.toSeconds() + " s; stop it (kill " + pid + ") and start again");
        } catch (java.util.concurrent.ExecutionException e) {
            // gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for pid " + pid, e);
        }
    }

    /** Records this child's pid in {@code pidFile}, for {@link #awaitPreviousExit} of a later start. */
    public void writePid(Path pidFile) {
        try {
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            log.warn("cannot write {}: {}", pidFile, e.toString());
        }
    }

    /**
     * SIGKILL, as a crash or an OOM killer would end it: no shutdown hook runs. Returns once it is gone; fails if it is
     * not gone 10 s later.
     */
    public synchronized void kill() {
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // nothing to remove
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            stdin.close();
        } catch (IOException ignored) {
            // gone
        }
        if (process.isAlive()) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") still alive 10 s after SIGKILL; log "
                    + logFile);
        }
    }

    /** SIGSTOP: the process stays, but nothing in it runs (a long GC pause, a frozen VM) until {@link #thaw()}. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " (" + name + ") failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal " + name + " (kill -" + signal + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted signalling " + name, e);
        }
    }

    /** The last lines of a log file, for error messages. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
