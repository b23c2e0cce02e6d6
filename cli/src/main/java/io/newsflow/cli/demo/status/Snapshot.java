package io.newsflow.cli.demo.status;

import io.newsflow.harness.watch.RecordLag;
import io.newsflow.harness.watch.StallWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the status board shows at one moment.
 *
 * @param accepted   records ingest wrote to the raw topic since the board started
 * @param published  finished articles on news.articles since then, as a read_committed consumer sees them
 * @param inPerSec   accepted per second over the last interval
 * @param outPerSec  published per second over the last interval
 * @param lags       per service group, its lag in records
 * @param deadLetters since the board started, by stage/error type
 * @param health     per part, UP or what is wrong
 * @param trending   the top of the global trending list, one line each
 * @param sources    every source ingest receives from or polls, and its state (ok, quiet, failing, disabled)
 * @param stalls     each stage that holds records it has not delivered for longer than the bound, one line each
 *                   starting with the stage's name ({@link StallWatch})
 */
public record Snapshot(Instant at, Duration uptime, long accepted, long published, double inPerSec, double outPerSec,
                       Map<String, RecordLag.Lag> lags, Map<String, Long> deadLetters, Map<String, String> health,
                       List<String> trending, Map<String, String> sources, List<String> stalls) {

    long deadLetterTotal() {
        return deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }

    boolean allUp() {
        return health.values().stream().allMatch("UP"::equals);
    }
}
