package io.newsflow.cli.demo;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.generator.WireFormat;
import io.newsflow.generator.WireItem;
import io.newsflow.generator.WireTrafficModel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * RSS feeds of the demo's own, for ingest to poll: each serves the newest RSS item of its own generator (a new one
 * every 30 s) with an ETag, and answers 304 to a poll that already has it. So polling, its conditional GETs and the
 * health of pulled sources show in the first run.
 */
final class PulledFeedsComponent implements DemoComponent {
    private static final int FEEDS = 2;
    private HttpServer server;
    private ScheduledExecutorService refresher;
    private final Map<String, Feed> feeds = new LinkedHashMap<>();

    private static final class Feed {
        final WireTrafficModel model;
        volatile byte[] body = new byte[0];
        volatile String etag = "\"0\"";
        int version;

        Feed(WireTrafficModel model) {
            this.model = model;
        }

        void refresh() {
            for (int i = 0; i < 500; i++) {
                WireItem item = model.next(Instant.now());
                if (item.format() == WireFormat.RSS && item.kind() == WireItem.Kind.NEW) {
                    body = item.body();
                    etag = "\"" + (++version) + "\"";
                    return;
                }
            }
        }
    }

    @Override
    public String name() {
        return "pulled-feeds";
    }

    @Override
    public void start(DemoContext context) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "demo-pulled-feeds");
            t.setDaemon(true);
            return t;
        }));
        for (int i = 1; i <= FEEDS; i++) {
            String name = "demo-rss-" + i;
            Feed feed = new Feed(new WireTrafficModel(1_000 + i, "pull" + i + "-"));
            feed.refresh();
            feeds.put(name, feed);
            server.createContext("/feeds/" + name + ".rss", exchange -> {
                try (exchange) {
                    exchange.getResponseHeaders().add("ETag", feed.etag);
                    exchange.getResponseHeaders().add("Content-Type", WireFormat.RSS.contentType());
                    if (feed.etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        exchange.sendResponseHeaders(304, -1);
                        return;
                    }
                    byte[] body = feed.body;
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
        }
        server.start();
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-pulled-feeds-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleAtFixedRate(() -> feeds.values().forEach(Feed::refresh), 30, 30, TimeUnit.SECONDS);
        Map<String, String> urls = new LinkedHashMap<>();
        feeds.keySet().forEach(name -> urls.put(name, url(name)));
        context.pulledFeeds(urls);
    }

    private String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/" + name + ".rss";
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-16s %s   (RSS polled by ingest every 10 s; states at GET /v1/sources)", "Pulled feeds",
                String.join(", ", feeds.keySet().stream().map(this::url).toList())));
        return lines;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        server.stop(0);
    }
}
