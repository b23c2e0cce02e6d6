package io.newsflow.cli.demo.status;

import io.newsflow.harness.watch.RecordLag;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusBoardTest {
    private static Snapshot snapshot(Map<String, String> health, Map<String, Long> dead, RecordLag.Lag publishLag) {
        return snapshot(health, dead, publishLag, List.of());
    }

    private static Snapshot snapshot(Map<String, String> health, Map<String, Long> dead, RecordLag.Lag publishLag,
                                     List<String> stalls) {
        Map<String, RecordLag.Lag> lags = new LinkedHashMap<>();
        lags.put("enrich", new RecordLag.Lag(12, true));
        lags.put("publish", publishLag);
        return new Snapshot(Instant.parse("2026-12-04T04:00:00Z"), Duration.ofSeconds(75), 3_120, 3_050, 52.14, 51.8,
                lags, dead, health, List.of("Floods kill 83 in Egypt  (score 33.34, 12 articles, 5 sources)", "Strike in Lyon"),
                Map.of("demo", "ok", "demo-rss-1", "ok"), stalls);
    }

    private static Map<String, String> health(String publish) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("kafka", "UP");
        h.put("ingest", "UP");
        h.put("publish", publish);
        return h;
    }

    @Test
    void oneLineSaysRatesTotalsLagDeadLettersHealthAndTheTopStory() {
        String line = StatusBoard.line(snapshot(health("UP"), Map.of("ingest/bad_request", 7L, "publish/IncompatibleSchemaException", 2L),
                new RecordLag.Lag(0, true)));
        assertThat(line).contains("in 52.1/s (3120 accepted)", "out 51.8/s (3050 published)", "lag enrich 12, publish 0",
                "dead letters 9 (ingest/bad_request 7, publish/IncompatibleSchemaException 2)", "all UP",
                "sources 2 ok", "top: Floods kill 83 in Egypt").doesNotContain("\n");
    }

    @Test
    void aPartDownAnApproximateOrUnknownLagAreSaid() {
        String line = StatusBoard.line(snapshot(health("DOWN(503)"), Map.of(), new RecordLag.Lag(80_000, false)));
        assertThat(line).contains("DOWN: publish DOWN(503)", "publish ~80000", "dead letters 0");
        assertThat(StatusBoard.line(snapshot(health("UP"), Map.of(), RecordLag.Lag.UNKNOWN))).contains("publish ?");
    }

    @Test
    void aStalledStageIsSaidByNameWithEveryPartUp() {
        List<String> stalls = List.of("publish: news.articles.enriched-4 held by a transaction open 75 s (written by enrich)",
                "enrich: 3 records wait on news.articles.raw and none was taken for 70 s (group newsflow-enrich)");
        Snapshot s = snapshot(health("UP"), Map.of(), new RecordLag.Lag(0, true), stalls);
        assertThat(StatusBoard.line(s)).contains("all UP", "STALLED: publish: news.articles.enriched-4 held by a transaction",
                "; enrich: 3 records wait");
        List<String> board = StatusBoard.board(s);
        assertThat(board.get(0)).contains("STALLED").doesNotContain("all parts UP");
        assertThat(board).anySatisfy(l -> assertThat(l).startsWith("  stalled publish: news.articles.enriched-4").endsWith("(+1 more)"));
        assertThat(board).hasSameSizeAs(StatusBoard.board(snapshot(health("UP"), Map.of(), new RecordLag.Lag(0, true))));
        assertThat(StatusBoard.line(snapshot(health("UP"), Map.of(), new RecordLag.Lag(0, true)))).doesNotContain("STALLED");
    }

    @Test
    void theBoardHasAFixedNumberOfLinesSoItCanBeRedrawnInPlace() {
        List<String> full = StatusBoard.board(snapshot(health("UP"), Map.of("ingest/bad_request", 7L), new RecordLag.Lag(0, true)));
        Snapshot empty = new Snapshot(Instant.now(), Duration.ofSeconds(5), 0, 0, 0, 0, Map.of(), Map.of(), Map.of(), List.of(), Map.of(), List.of());
        assertThat(StatusBoard.board(empty)).hasSameSizeAs(full);
        assertThat(full.get(0)).contains("up 1m15s", "all parts UP");
        assertThat(full).anySatisfy(l -> assertThat(l).contains("52.1 items/s", "3,120 accepted"))
                .anySatisfy(l -> assertThat(l).contains("1. Floods kill 83 in Egypt"))
                .anySatisfy(l -> assertThat(l).contains("2. Strike in Lyon"));
    }
}
