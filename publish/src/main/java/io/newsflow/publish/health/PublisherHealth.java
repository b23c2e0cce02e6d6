package io.newsflow.publish.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of the publish loop: UP once transactions are initialised and the loop has polled recently;
 * DOWN when it stopped, failed, or has not completed a poll within the stall limit (a stuck commit or a lost broker).
 */
public final class PublisherHealth {
    public enum State { STARTING, UP, DOWN }

    private static final int MAX_CONSECUTIVE_ABORTS = 5;
    private final Clock clock;
    private final Duration stallLimit;
    private volatile boolean initialised;
    private volatile boolean stopped;
    private volatile String failure;
    private volatile Instant lastPoll;
    private volatile Instant lastCommit;
    private volatile String lastAbort;
    private volatile int consecutiveAborts;
    private volatile String inputLost;

    public PublisherHealth(Clock clock, Duration stallLimit) {
        this.clock = clock;
        this.stallLimit = stallLimit;
    }

    public void initialised() {
        initialised = true;
        lastPoll = clock.instant();
    }

    public void polled() {
        lastPoll = clock.instant();
    }

    public void committed() {
        lastCommit = clock.instant();
        consecutiveAborts = 0;
    }

    /** A transaction was aborted and will be retried; many in a row mean the loop makes no progress. */
    public void aborted(String reason) {
        lastAbort = reason;
        consecutiveAborts++;
    }

    /** Input deleted before it was read: the loop goes on, and the loss stays in the health details to be seen. */
    public void inputExpired(String what) {
        inputLost = what;
    }

    public void failed(String reason) {
        failure = reason;
    }

    public void stopped() {
        stopped = true;
    }

    public State state() {
        if (failure != null || stopped) {
            return State.DOWN;
        }
        if (!initialised) {
            return State.STARTING;
        }
        if (consecutiveAborts >= MAX_CONSECUTIVE_ABORTS) {
            return State.DOWN;
        }
        Instant polled = lastPoll;
        return polled != null && Duration.between(polled, clock.instant()).compareTo(stallLimit) <= 0
                ? State.UP : State.DOWN;
    }

    /** {@code GET /health}: UP while it polls within the stall limit and commits; the figures as info. */
    public io.newsflow.schemas.service.Health health() {
        Instant polled = lastPoll;
        boolean polling = initialised && !stopped && polled != null
                && Duration.between(polled, clock.instant()).compareTo(stallLimit) <= 0;
        String poll = stopped ? "stopped" : !initialised ? "starting: no partitions yet"
                : polled == null ? "no poll yet"
                : polling ? "polled " + polled : "no poll since " + polled + " (limit " + stallLimit.toSeconds() + " s)";
        boolean committing = failure == null && consecutiveAborts < MAX_CONSECUTIVE_ABORTS;
        String transactions = failure != null ? failure
                : !committing ? consecutiveAborts + " transactions aborted in a row (last: " + lastAbort + ")"
                : lastCommit == null ? "none committed yet" : "last commit " + lastCommit;
        return io.newsflow.schemas.service.Health.of("publish").check("consumer", polling, poll)
                .check("transactions", committing, transactions).info(details());
    }

    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("last_poll", lastPoll == null ? null : lastPoll.toString());
        d.put("last_commit", lastCommit == null ? null : lastCommit.toString());
        d.put("failure", failure);
        d.put("consecutive_aborts", consecutiveAborts);
        d.put("last_abort", lastAbort);
        d.put("input_lost", inputLost);
        return d;
    }
}
