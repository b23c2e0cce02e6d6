package io.newsflow.harness.bench;

import io.newsflow.generator.WireItem;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * POSTs items to ingest in batches: every {@code windowMs} (or at {@value #MAX_ITEMS} items) the items waiting are
 * sent as one body per format (and per agency for RSS), as wire feeds push them. The pipeline's latency is still
 * measured from ingest accepting the request, so the time an item waits here is not in it.
 */
final class BatchingHttpEntry implements PipelineEntry {
    static final int MAX_ITEMS = 100;
    private final HttpEntry http;
    private final long windowMs;
    private final Map<String, List<WireItem>> waiting = new LinkedHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-batcher");
        t.setDaemon(true);
        return t;
    });

    BatchingHttpEntry(URI ingestRoot, long windowMs) {
        if (windowMs < 1) throw new IllegalArgumentException("batch window must be at least 1 ms, got " + windowMs);
        this.http = new HttpEntry(ingestRoot);
        this.windowMs = windowMs;
        flusher.scheduleAtFixedRate(this::flush, windowMs, windowMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void submit(WireItem item) {
        List<WireItem> full = null;
        synchronized (waiting) {
            List<WireItem> batch = waiting.computeIfAbsent(WireBatch.key(item), k -> new ArrayList<>());
            batch.add(item);
            if (batch.size() >= MAX_ITEMS) full = waiting.remove(WireBatch.key(item));
        }
        if (full != null) send(full);
    }

    private void flush() {
        List<List<WireItem>> batches;
        synchronized (waiting) {
            batches = new ArrayList<>(waiting.values());
            waiting.clear();
        }
        batches.forEach(this::send);
    }

    private void send(List<WireItem> batch) {
        http.submitBody(batch.get(0).contentType(), WireBatch.body(batch), batch.size());
    }

    @Override
    public void drain() {
        flush();
        http.drain();
    }

    @Override
    public long accepted() {
        return http.accepted();
    }

    @Override
    public String describe() {
        return http.describe() + ", items batched per format (RSS per agency) every " + windowMs + " ms, at most "
                + MAX_ITEMS + " per request";
    }

    @Override
    public void close() {
        drain();
        flusher.shutdownNow();
        http.close();
    }
}
