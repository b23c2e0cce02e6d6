package io.newsflow.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Independent components started at the same time (the broker and the registry need nothing from each other),
 * stopped in reverse order. If one fails, the others that started are stopped and the first failure is thrown.
 */
final class ParallelComponents implements DemoComponent {
    private final String name;
    private final List<DemoComponent> parts;
    private final List<DemoComponent> started = new ArrayList<>();

    ParallelComponents(String name, DemoComponent... parts) {
        this.name = name;
        this.parts = List.of(parts);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(DemoContext context) throws Exception {
        // own threads: the common pool may have a single thread on a 2-core machine, and starting blocks
        ExecutorService threads = Executors.newFixedThreadPool(parts.size());
        List<CompletableFuture<DemoComponent>> starting = new ArrayList<>();
        for (DemoComponent part : parts) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    part.start(context);
                    return part;
                } catch (Exception e) {
                    throw new CompletionException(part.name() + ": " + e.getMessage(), e);
                }
            }, threads));
        }
        threads.shutdown();
        Throwable failure = null;
        for (CompletableFuture<DemoComponent> future : starting) {
            try {
                started.add(future.join());
            } catch (CompletionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
        }
        if (failure != null) {
            close();
            throw failure instanceof Exception ex ? ex : new IllegalStateException(failure);
        }
    }

    @Override
    public List<String> describe() {
        return parts.stream().flatMap(part -> part.describe().stream()).toList();
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
