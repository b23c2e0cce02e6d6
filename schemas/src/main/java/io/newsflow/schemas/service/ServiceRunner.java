package io.newsflow.schemas.service;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Runs a started service in the foreground, the one way every {@code newsflow <service>} command does: a start line,
 * a shutdown hook that closes it on Ctrl-C or SIGTERM, and the exit code. 0 after a clean stop; 1 when the service
 * stopped by itself on a lasting failure, so that an orchestrator restarts it.
 */
public final class ServiceRunner {
    public static final int STOPPED = 0;
    public static final int FAILED = 1;

    private ServiceRunner() {}

    /** Runs until the JVM is told to stop or the service fails; returns the exit code. */
    public static int run(Service service) {
        return run(service, System.out, System.err, Runtime.getRuntime()::addShutdownHook);
    }

    /** @param hooks registers the shutdown hook (the JVM's; tests run it themselves) */
    static int run(Service service, PrintStream out, PrintStream err, Consumer<Thread> hooks) {
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        hooks.accept(new Thread(() -> {
            done.complete(null);
            service.close();
        }, service.name() + "-shutdown"));
        service.failed().whenComplete((cause, error) -> done.complete(cause != null ? cause : error));
        out.println(service.name() + " running" + (service.url().isEmpty() ? "" : " at " + service.url())
                + " (Ctrl-C or SIGTERM stops it)");
        out.flush();
        Throwable failure;
        try {
            failure = done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        if (failure == null) return STOPPED;
        err.println(service.name() + ": stopped on a lasting failure: " + failure);
        err.flush();
        service.close();
        return FAILED;
    }
}
