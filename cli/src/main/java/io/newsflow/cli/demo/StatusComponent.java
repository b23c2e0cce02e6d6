package io.newsflow.cli.demo;

import io.newsflow.cli.demo.status.PipelineStatus;
import io.newsflow.cli.demo.status.Snapshot;
import io.newsflow.cli.demo.status.StatusBoard;
import io.newsflow.schemas.topics.TopicContract;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo's console once it is ready: on a terminal a board redrawn in place every 2 s; otherwise (a pipe, a file)
 * one line every 5 s. See {@link PipelineStatus} for what it reads and {@link StatusBoard} for how it reads.
 */
final class StatusComponent implements DemoComponent {
    private static final Duration BOARD_EVERY = Duration.ofSeconds(2);
    private static final Duration LINE_EVERY = Duration.ofSeconds(5);

    private final PrintStream out;
    private final boolean terminal;
    private PipelineStatus status;
    private ScheduledExecutorService ticker;
    private int drawnLines;
    private volatile boolean closing;

    StatusComponent(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A terminal that understands cursor movement: stdout is a console and TERM is not dumb. */
    static boolean onTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.isBlank() && !"dumb".equals(term);
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public void start(DemoContext context) {
        DemoOptions o = context.options();
        TopicContract topics = TopicContract.defaults();
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("enrich", "newsflow-enrich");
        groups.put("publish", "newsflow-publish");
        Map<String, String> health = new LinkedHashMap<>();
        health.put("registry", context.schemaRegistryUrl() + "/subjects");
        health.put("ingest", context.ingestUrl() + "/health");
        health.put("enrich", context.enrichUrl() + "/health");
        health.put("publish", "http://127.0.0.1:" + o.publishPort() + "/health");
        health.put("frontpage", "http://127.0.0.1:" + o.frontPagePort() + "/health");
        Map<String, List<String>> inputs = Map.of(
                "enrich", List.of(topics.name(TopicContract.Role.RAW)),
                "publish", List.of(topics.name(TopicContract.Role.ENRICHED)));
        Map<String, String> writers = Map.of(
                topics.name(TopicContract.Role.RAW), "ingest",
                topics.name(TopicContract.Role.ENRICHED), "enrich");
        status = new PipelineStatus(new PipelineStatus.Sources(context.kafkaBootstrapServers(), context.schemaRegistryUrl(),
                topics.name(TopicContract.Role.RAW), topics.name(TopicContract.Role.ARTICLES),
                topics.name(TopicContract.Role.DEADLETTER), groups, inputs, writers, health,
                context.enrichUrl() + "/trending?region=global", context.ingestUrl() + "/v1/sources"));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-status");
            t.setDaemon(true);
            return t;
        });
        Duration every = terminal ? BOARD_EVERY : LINE_EVERY;
        ticker.scheduleAtFixedRate(this::show, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void show() {
        try {
            Snapshot s = status.sample();
            if (closing) {
                return; // the parts are stopping: what this sample saw is not news
            }
            if (terminal) {
                List<String> lines = StatusBoard.board(s);
                StringBuilder frame = new StringBuilder();
                if (drawnLines > 0) {
                    frame.append("\033[").append(drawnLines).append('F'); // back to the board's first line
                }
                lines.forEach(l -> frame.append(l).append("\033[K\n"));  // each line cleared to its end
                out.print(frame);
                out.flush();
                drawnLines = lines.size();
            } else {
                out.println(StatusBoard.line(s));
            }
        } catch (RuntimeException e) {
            out.println("status: " + e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        ticker.shutdown();
        if (!ticker.awaitTermination(5, TimeUnit.SECONDS)) {
            ticker.shutdownNow();
        }
        status.close();
    }
}
