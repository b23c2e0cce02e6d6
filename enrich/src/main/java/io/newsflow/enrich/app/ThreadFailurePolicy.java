package io.newsflow.enrich.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stream thread's failure that no record handler caught leads to: the thread is replaced up to {@code max}
 * times within {@code window}; past that the failure is taken as lasting (a broken state store, a lost disk, a bug
 * on every record) and the whole client shuts down, so /health says DOWN and the process exits non-zero for an
 * orchestrator to restart it, instead of spinning silently.
 */
final class ThreadFailurePolicy implements StreamsUncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ThreadFailurePolicy.class);

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Deque<Long> replacedAt = new ArrayDeque<>();
    private volatile Throwable fatal;

    ThreadFailurePolicy(int max, Duration window, Clock clock) {
        if (max < 0) throw new IllegalArgumentException("enrich.thread.replacements.max must be 0 or more, got " + max);
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        if (io.newsflow.enrich.errors.Transient.is(exception)) {
            // the registry or a broker is away: the new thread waits for it and goes on; this is not giving up
            log.warn("stream thread stopped on a failure that will pass, replacing it: {}", exception.toString());
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        long now = clock.millis();
        while (!replacedAt.isEmpty() && now - replacedAt.peekFirst() > window.toMillis()) replacedAt.pollFirst();
        if (replacedAt.size() < max) {
            replacedAt.addLast(now);
            log.error("stream thread failed, replacing it ({} of {} replacements within {}): {}", replacedAt.size(), max,
                    window, exception.toString(), exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        fatal = exception;
        log.error("stream thread failed again after {} replacements within {}: shutting enrich down: {}", max, window,
                exception.toString(), exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** The failure that shut the client down, or null. */
    Throwable fatal() {
        return fatal;
    }
}
