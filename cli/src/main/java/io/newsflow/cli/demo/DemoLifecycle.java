package io.newsflow.cli.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts components in order and stops the started ones in reverse, whether the demo ends normally, by Ctrl-C or
 * because a later component failed to start.
 */
public final class DemoLifecycle implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoLifecycle.class);

    private final Deque<DemoComponent> started = new ArrayDeque<>();
    private boolean closed;

    /** Starts each in turn; if one fails, stops those already started and rethrows naming the failed one. */
    public synchronized void start(List<DemoComponent> components, DemoContext context) throws Exception {
        for (DemoComponent component : components) {
            if (closed) {
                throw new IllegalStateException("demo stopped while starting " + component.name());
            }
            long began = System.nanoTime();
            try {
                component.start(context);
            } catch (Exception e) {
                log.error("{} failed to start: {}", component.name(), e.getMessage());
                close();
                throw e;
            }
            started.push(component);
            log.info("{} started in {} ms", component.name(), (System.nanoTime() - began) / 1_000_000);
        }
    }

    /** The started components, first started first. */
    public synchronized List<DemoComponent> started() {
        List<DemoComponent> inStartOrder = new ArrayList<>(started);
        Collections.reverse(inStartOrder);
        return inStartOrder;
    }

    /** Stops in reverse start order; a failing stop is logged and the others still stop. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        while (!started.isEmpty()) {
            DemoComponent component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", component.name(), e.toString());
            }
        }
    }
}
