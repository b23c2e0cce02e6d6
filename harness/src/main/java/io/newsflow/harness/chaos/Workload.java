package io.newsflow.harness.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.generator.WireItem;
import io.newsflow.generator.WireTrafficModel;
import io.newsflow.harness.wire.IngestPoster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The wire agencies of a chaos run: the generator's traffic (every format, five feeds, new versions, withdrawals,
 * malformed items) plus unchanged re-sends, POSTed the way an agency does: retried on 503, timeouts and refused
 * connections until ingest answers, every id/version answered 202 recorded with when it was acknowledged.
 */
final class Workload {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SENDERS = 16;

    /** One acknowledged id/version and when ingest said 202 (nanoTime). */
    record Ack(String id, Long version, long atNanos) {}

    /** Each ingest instance's endpoint; a request goes to the next in turn, a retry to the one after (a balancer). */
    private final List<URI> instances;
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<String, String> feedKeys;
    private final IngestPoster http = new IngestPoster(Duration.ofSeconds(2));
    private final List<Ack> acks = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger submitted = new AtomicInteger();
    /** Items at or past this position wait: the fault planned there has not started yet. */
    private final AtomicInteger limit = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger refused = new AtomicInteger();
    /** The distinct items ingest refused (feed and body), to tell a dead letter written twice from one unexpected. */
    private final Set<String> refusedItems = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong retries = new AtomicLong();
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

    Workload(List<Integer> ingestPorts, Map<String, String> feedKeys) {
        this.instances = ingestPorts.stream().map(IngestPoster::articles).toList();
        this.feedKeys = feedKeys;
    }

    /** The items of a run: {@code count} requests, of which about 3% unchanged re-sends of an earlier one. */
    static List<WireItem> items(int count, long seed) {
        WireTrafficModel model = new WireTrafficModel(seed, "chaos" + seed + "-");
        Random random = new Random(seed);
        Instant t = Instant.parse("2026-11-28T06:00:00Z");
        List<WireItem> items = new ArrayList<>(count);
        while (items.size() < count) {
            t = t.plusMillis(200);
            if (items.size() > 10 && random.nextInt(100) < 3) {
                items.add(items.get(random.nextInt(items.size()))); // the same bytes again
            } else {
                items.add(model.next(t));
            }
        }
        return items;
    }

    /** Sends every item, at most {@code rate} per second (0: flat out); returns when each has its final answer. */
    void run(List<WireItem> items, double rate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        long next = System.nanoTime();
        List<Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            WireItem item = items.get(i);
            while (i >= limit.get()) Thread.sleep(20);
            submitted.set(i);
            if (rate > 0) {
                // paced from the last send: after a hold the rate resumes, no burst to catch up
                long wait = next - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                next = Math.max(next, System.nanoTime()) + (long) (1e9 / rate);
            }
            pending.add(pool.submit(() -> {
                send(item);
                return null;
            }));
            if (pending.size() > 256) {
                pending.remove(0).get();
            }
        }
        for (Future<?> f : pending) f.get();
        pool.shutdown();
    }

    private void send(WireItem item) throws InterruptedException {
        String key = feedKeys.get(feedOf(item));
        long backoff = 50;
        while (true) {
            URI articles = instances.get(Math.floorMod(turn.getAndIncrement(), instances.size()));
            java.util.Optional<HttpResponse<String>> answer = http.send(articles, item, key, Duration.ofSeconds(20));
            if (answer.isEmpty()) {
                // refused connection (an instance down) or no answer in time: sent again, to the next instance
                retries.incrementAndGet();
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 1000);
                continue;
            }
            HttpResponse<String> r = answer.get();
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 503 || r.statusCode() == 429 || r.statusCode() >= 500) {
                retries.incrementAndGet();
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 1000);
                continue;
            }
            sent.incrementAndGet();
            if (r.statusCode() == 202) {
                long now = System.nanoTime();
                try {
                    for (JsonNode a : JSON.readTree(r.body()).path("items")) {
                        acks.add(new Ack(a.path("id").asText(), a.path("version").isNumber() ? a.path("version").asLong() : null, now));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("ingest answered 202 with a body that is not JSON: " + r.body(), e);
                }
            } else {
                refused.incrementAndGet();
                refusedItems.add(itemKey(feedOf(item), item.body()));
            }
            return;
        }
    }

    static String feedOf(WireItem item) {
        return item.agency() == null ? "chaos" : item.agency().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    List<Ack> acks() {
        synchronized (acks) {
            return List.copyOf(acks);
        }
    }

    int sent() {
        return sent.get();
    }

    /** The position of the item last handed to a sender. */
    int submitted() {
        return submitted.get();
    }

    /** Lets items up to (not including) {@code position} go; the rest wait for the next call. */
    void holdAt(int position) {
        limit.set(position);
    }

    int heldAt() {
        return limit.get();
    }

    /** A malformed item's identity: its feed and the digest of its bytes. */
    static String itemKey(String feed, byte[] body) {
        try {
            return feed + ":" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    int refusedDistinct() {
        return refusedItems.size();
    }

    /** Requests answered 4xx (the malformed items: each leaves one dead letter). */
    int refused() {
        return refused.get();
    }

    long retries() {
        return retries.get();
    }

    Map<Integer, Integer> statuses() {
        return Map.copyOf(statuses);
    }
}
