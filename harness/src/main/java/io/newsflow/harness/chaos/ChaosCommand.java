package io.newsflow.harness.chaos;

import io.newsflow.harness.Launcher;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.config.BadInputException;
import io.newsflow.harness.watch.KafkaOffsets;
import io.newsflow.harness.watch.OutputWatch;
import io.newsflow.harness.watch.RecordLag;
import io.newsflow.harness.watch.StallWatch;
import io.newsflow.generator.WireItem;
import io.newsflow.schemas.topics.TopicContract;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow chaos}: the production shape on this machine (three brokers, the registry, two ingest, two enrich and
 * two publish instances, each its own process), a wire-agency workload, a seeded schedule of faults while it runs,
 * then a checker that reads every output read_committed and counts lost, doubled, torn, out-of-order, unseen and
 * wrongly-latest records.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Fault injection: the services as separate processes on a three-broker cluster, a workload, "
                + "kills, pauses and broker failures, then a count of every anomaly in the outputs.")
public final class ChaosCommand implements Callable<Integer> {
    /** The command line this command runs under: its services start with the same one. */
    @Spec
    CommandSpec spec;

    private static final Logger log = LoggerFactory.getLogger(ChaosCommand.class);

    @Option(names = "--articles", paramLabel = "N", defaultValue = "100000", description = "Items POSTed (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "150",
            description = "Items per second at most (default ${DEFAULT-VALUE}; 0: as fast as ingest answers).")
    double rate;

    @Option(names = "--faults", paramLabel = "KIND:N,...", defaultValue = FaultSchedule.DEFAULT,
            description = "Faults of each kind (default ${DEFAULT-VALUE}); 'none' for a run without.")
    String faults;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the workload and the fault schedule.")
    long seed;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON here.")
    Path report;

    @Option(names = "--keep-for", paramLabel = "S", defaultValue = "0",
            description = "Leave the cluster up S seconds after the report, for your own consumers.")
    long keepFor;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Data and logs (default: a new temporary directory).")
    Path workDir;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (articles < 100) throw new BadInputException("chaos: --articles must be at least 100, got " + articles);
        if (rate < 0) throw new BadInputException("chaos: --rate must be 0 or more");
        if (keepFor < 0) throw new BadInputException("chaos: --keep-for must be 0 or more seconds");
        FaultSchedule schedule;
        try {
            schedule = FaultSchedule.parse(faults, seed);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("chaos: " + e.getMessage());
        }
        Result r = run(schedule);
        printTable(r);
        ObjectNode json = r.json();
        if (report != null) {
            Files.writeString(report, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        }
        if (keepFor > 0) {
            out.println("bootstrap: " + r.bootstrap);
            out.println("acked: " + r.ackedFile);
            out.flush();
            Thread.sleep(keepFor * 1000);
        }
        r.stack.close();
        return r.clean() ? 0 : 1;
    }

    /** Everything a run found, and the stack it ran on (closed by the caller). */
    static final class Result {
        ChaosStack stack;
        String bootstrap;
        Path ackedFile;
        Checker.Findings findings;
        long unseen;
        Map<String, Integer> faults = new TreeMap<>();
        Map<String, List<Long>> recoveryMs = new TreeMap<>();
        /** From the fault until the part was back (its kill or stop, the orchestrator's second, its boot). */
        Map<String, List<Long>> partBackMs = new TreeMap<>();
        Map<String, List<Long>> untilOutputAfterBackMs = new TreeMap<>();
        /** Each fault with its wall-clock start, to read beside the service and broker logs. */
        List<Map<String, Object>> events = new ArrayList<>();
        List<String> unrecovered = new ArrayList<>();
        Map<String, Integer> crashRestarts;
        long retries;
        int refused;
        int refusedDistinct;
        double seconds;

        boolean clean() {
            return findings.lost == 0 && findings.duplicated == 0 && findings.torn == 0 && findings.outOfOrder == 0
                    && findings.latestWrong == 0 && unseen == 0 && deadlettersUnexpected() == 0;
        }

        /** Ingest's dead letters of distinct items it refused with a 400. */
        int deadlettersExpected() {
            return Math.min(findings.deadlettersIngestDistinct, refusedDistinct);
        }

        /**
         * Dead letters from a later stage, and ingest's of more distinct items than it refused. A dead letter written
         * again for the same item (its 400 lost to a kill, the item sent again) is at least once by design, counted
         * as repeated.
         */
        int deadlettersUnexpected() {
            return findings.deadlettersOther + Math.max(0, findings.deadlettersIngestDistinct - refusedDistinct);
        }

        ObjectNode json() {
            ObjectMapper m = new ObjectMapper();
            ObjectNode o = m.createObjectNode();
            o.put("articles_acked", findings.articlesAcked);
            o.put("ids_acked", findings.idsAcked);
            o.put("articles_out", findings.articlesOut);
            ObjectNode f = o.putObject("faults");
            faults.forEach(f::put);
            o.put("lost", findings.lost);
            o.put("duplicated", findings.duplicated);
            o.put("torn", findings.torn);
            o.put("out_of_order", findings.outOfOrder);
            o.put("latest_wrong", findings.latestWrong);
            o.put("unseen", unseen);
            o.put("trending_double_counts", findings.trendingDoubleCounts);
            o.put("deadletters_expected", deadlettersExpected());
            o.put("deadletters_repeated", findings.deadlettersIngest - findings.deadlettersIngestDistinct);
            o.put("deadletters_unexpected", deadlettersUnexpected());
            percentiles(o.putObject("recovery_ms"), recoveryMs);
            percentiles(o.putObject("part_back_ms"), partBackMs);
            percentiles(o.putObject("until_output_after_back_ms"), untilOutputAfterBackMs);
            o.putPOJO("unrecovered", unrecovered);
            o.putPOJO("events", events);
            ObjectNode restarts = o.putObject("crash_restarts");
            crashRestarts.forEach(restarts::put);
            o.put("client_retries", retries);
            o.put("seconds", Math.round(seconds));
            o.putPOJO("examples", findings.examples);
            return o;
        }
    }

    private static void percentiles(ObjectNode into, Map<String, List<Long>> byKind) {
        byKind.forEach((kind, list) -> {
            List<Long> sorted = list.stream().sorted().toList();
            ObjectNode k = into.putObject(kind);
            k.put("p50", sorted.isEmpty() ? -1 : sorted.get((sorted.size() - 1) / 2));
            k.put("max", sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
        });
    }

    /**
     * Waits for the first article through every service; while it waits, names each stage that holds records it has
     * not delivered (a stuck group, a transaction left open, input deleted unread), and says so in the failure.
     */
    private void awaitFirstOutput(OutputWatch watch, Set<String> ids, String bootstrap, Duration max) throws InterruptedException {
        TopicContract topics = TopicContract.defaults();
        List<StallWatch.Stage> stages = List.of(
                new StallWatch.Stage("enrich", ChaosStack.ENRICH_APP, List.of(topics.name(TopicContract.Role.RAW))),
                new StallWatch.Stage("publish", "newsflow-publish", List.of(topics.name(TopicContract.Role.ENRICHED))));
        Map<String, String> writers = Map.of(topics.name(TopicContract.Role.RAW), "ingest",
                topics.name(TopicContract.Role.ENRICHED), "enrich");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             RecordLag counter = new RecordLag(admin, RecordLag.reader(bootstrap, "newsflow-chaos-stall-watch"))) {
            StallWatch stalls = new StallWatch(new KafkaOffsets(admin, counter), stages, writers, Duration.ofSeconds(30),
                    System::nanoTime);
            long deadline = System.nanoTime() + max.toNanos();
            List<String> said = List.of();
            while (!watch.seen(ids)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no output for " + ids + " within " + max + (said.isEmpty()
                            ? "; no stage holds records it has not delivered (see publish's log for input lost unread)"
                            : ": " + String.join("; ", said)));
                }
                List<String> now;
                try {
                    now = stalls.check();
                } catch (RuntimeException e) {
                    now = said; // the cluster did not answer this time; the next check tells
                }
                if (!now.equals(said)) now.forEach(line -> out.println("  stalled: " + line));
                said = now;
                for (int i = 0; i < 20 && !watch.seen(ids); i++) Thread.sleep(100);
            }
        }
    }

    Result run(FaultSchedule schedule) throws Exception {
        long began = System.nanoTime();
        Path dir = workDir != null ? workDir : Files.createTempDirectory("newsflow-chaos");
        List<WireItem> items = Workload.items(articles, seed);
        Map<String, String> feedKeys = new LinkedHashMap<>();
        for (WireItem i : items) feedKeys.putIfAbsent(Workload.feedOf(i), "chaos-key-" + Workload.feedOf(i));
        out.printf("newsflow chaos: %,d items from %d feeds, %d faults (seed %d); data and logs in %s%n", items.size(),
                feedKeys.size(), schedule.total(), seed, dir);
        out.println("starting a three-broker cluster, the registry, 2 ingest, 2 enrich and 2 publish instances...");
        ChaosStack stack = new ChaosStack(Launcher.of(spec), dir, feedKeys);
        Result r = new Result();
        r.stack = stack;
        r.bootstrap = stack.bootstrap();
        try (OutputWatch watch = new OutputWatch(stack.bootstrap(), true)) {
            Workload workload = new Workload(stack.ingestPorts, feedKeys);
            // faults start on a pipeline that runs: one article through every service first
            long warm = System.nanoTime();
            Workload warmUp = new Workload(stack.ingestPorts, feedKeys);
            warmUp.run(Workload.items(10, seed + 1_000_003).stream().filter(i -> i.kind() == WireItem.Kind.NEW).limit(1).toList(), 0);
            awaitFirstOutput(watch, warmUp.acks().stream().map(Workload.Ack::id).collect(java.util.stream.Collectors.toSet()),
                    stack.bootstrap(), Duration.ofMinutes(3));
            out.printf("pipeline up: first article through in %.1f s%n", (System.nanoTime() - warm) / 1e9);
            // the workload runs up to each fault's position and waits there until that fault starts: every fault
            // has load behind it, whatever each one takes on this machine
            List<FaultSchedule.Planned> plan = schedule.plan();
            workload.holdAt(plan.isEmpty() ? Integer.MAX_VALUE : position(plan.get(0), items.size()));
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                try {
                    workload.run(items, rate);
                } catch (Exception e) {
                    throw new IllegalStateException("workload failed: " + e, e);
                }
            });
            FaultInjector injector = new FaultInjector(stack, seed);
            ScheduledExecutorService trickles = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, "chaos-trickle");
                t.setDaemon(true);
                return t;
            });
            List<FaultInjector.Event> events = new ArrayList<>();
            for (int k = 0; k < plan.size(); k++) {
                FaultSchedule.Planned p = plan.get(k);
                int at = position(p, items.size());
                while (!load.isDone() && workload.submitted() < at - 1) Thread.sleep(50);
                // after the last fault a tail of the items stays held until output flows again, so its recovery is
                // seen on input sent after it however long the faulted part takes to come back
                workload.holdAt(k + 1 < plan.size() ? position(plan.get(k + 1), items.size())
                        : Math.max(at, items.size() - Math.max(10, items.size() / 50)));
                out.printf("  %5.1f%% sent: %s%n", 100.0 * at / items.size(), p.kind());
                // recovery is seen on input sent during and after the fault: while it lasts (a pause, a part's boot)
                // and until output flows again, input goes on past the next position at a trickle, slow enough that
                // the run's items last for every fault
                ScheduledFuture<?> trickle = trickles.scheduleAtFixedRate(() -> {
                    if (workload.submitted() >= workload.heldAt() - 1) workload.holdAt(workload.submitted() + 2);
                }, TRICKLE_MS, TRICKLE_MS, TimeUnit.MILLISECONDS);
                FaultInjector.Event e = injector.inject(p.kind());
                events.add(e);
                // one fault at a time: the next waits until output flows again after this one (each recovery is its own)
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (!load.isDone() && Seen.of(watch, e, workload.acks()).recovery(e) < 0 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                trickle.cancel(false);
            }
            trickles.shutdownNow();
            workload.holdAt(Integer.MAX_VALUE);
            load.join();
            out.printf("workload done: %,d requests answered, %,d ids acknowledged, %,d client retries; waiting for the "
                    + "pipeline to drain%n", workload.sent(), workload.acks().size(), workload.retries());
            List<Workload.Ack> acks = workload.acks();
            Set<String> ackedIds = new LinkedHashSet<>();
            acks.forEach(a -> ackedIds.add(a.id()));
            watch.awaitQuiet(ackedIds, Duration.ofSeconds(20), Duration.ofMinutes(5));
            // open transactions end within the transaction timeouts; past them plus 30 s anything unseen is a defect
            Thread.sleep(Duration.ofSeconds(15 + 30).toMillis() - Math.min(45_000, watch.quietForMs()));
            Checker checker = new Checker(stack.bootstrap(), stack.registryUrl());
            r.unseen = checker.unseen();
            r.findings = checker.check(acks);
            for (FaultInjector.Event e : events) {
                r.faults.merge(e.kind(), 1, Integer::sum);
                Seen seen = Seen.of(watch, e, acks);
                long recovered = seen.recovery(e);
                if (recovered < 0) r.unrecovered.add(e.kind() + " on " + e.target());
                else r.recoveryMs.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(recovered / 1_000_000);
                long backMs = (e.backNanos() - e.startNanos()) / 1_000_000;
                r.partBackMs.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(backMs);
                long old = seen.untilOutputAfterBack(e);
                if (old >= 0) r.untilOutputAfterBackMs.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(old / 1_000_000);
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("kind", e.kind());
                ev.put("target", e.target());
                ev.put("at", java.time.Instant.now().minusNanos(System.nanoTime() - e.startNanos()).toString());
                ev.put("part_back_ms", backMs);
                ev.put("ride_out_ms", seen.rideOut() < 0 ? -1 : (seen.rideOut() - e.startNanos()) / 1_000_000);
                ev.put("after_return_ms", seen.afterReturn() < 0 ? -1 : (seen.afterReturn() - e.backNanos()) / 1_000_000);
                r.events.add(ev);
            }
            r.crashRestarts = stack.crashRestarts();
            r.retries = workload.retries();
            r.refused = workload.refused();
            r.refusedDistinct = workload.refusedDistinct();
            r.ackedFile = dir.resolve("acked.jsonl");
            try (Writer w = Files.newBufferedWriter(r.ackedFile, StandardCharsets.UTF_8)) {
                for (Workload.Ack a : acks) {
                    w.write("{\"id\":\"" + a.id().replace("\"", "\\\"") + "\",\"version\":" + a.version() + "}\n");
                }
            }
        } catch (Exception e) {
            log.error("chaos run failed: {}", e.toString(), e);
            stack.close();
            throw e;
        }
        r.seconds = (System.nanoTime() - began) / 1e9;
        return r;
    }

    /** During a fault, one item every this many milliseconds (see the loop). */
    static final long TRICKLE_MS = 500;

    private static int position(FaultSchedule.Planned p, int items) {
        return Math.max(1, (int) (p.atFraction() * items));
    }

    /**
     * When output of input acknowledged after a fault first came out (nanoTime; -1: not yet): {@code rideOut} for input
     * acknowledged more than a second after the fault began, {@code afterReturn} for input acknowledged after the part
     * was back.
     */
    record Seen(long rideOut, long afterReturn) {
        static Seen of(OutputWatch watch, FaultInjector.Event e, List<Workload.Ack> acks) {
            return new Seen(firstOutputOfAckedAfter(watch, e.startNanos() + 1_000_000_000L, acks),
                    firstOutputOfAckedAfter(watch, e.backNanos(), acks));
        }

        /** When (nanoTime) the first article acknowledged after {@code ackedAfter} came out; -1 when none has. */
        private static long firstOutputOfAckedAfter(OutputWatch watch, long ackedAfter, List<Workload.Ack> acks) {
            long best = Long.MAX_VALUE;
            for (Workload.Ack a : acks) {
                if (a.atNanos() <= ackedAfter) continue;
                Long seen = watch.firstSeen(a.id(), a.version());
                if (seen != null && seen >= a.atNanos() - 1_000_000_000L) best = Math.min(best, seen);
            }
            return best == Long.MAX_VALUE ? -1 : best;
        }

        /**
         * How long downstream readers waited on this fault: the longer of riding it out (from the fault until input
         * acknowledged more than a second after it began comes out) and of the part's return (from the part back until
         * input acknowledged after that comes out). A part the others cannot do without (the instance holding the
         * newsroom) counts its restart in the first; a part they can (a broker of three, the registry while schemas are
         * cached, one ingest of two) counts only what its absence and its return cost, not its own boot. -1: not yet.
         */
        long recovery(FaultInjector.Event e) {
            if (rideOut < 0 || afterReturn < 0) return -1;
            return Math.max(rideOut - e.startNanos(), afterReturn - e.backNanos());
        }

        /** The measure earlier runs reported: from the fault until input acknowledged after the part was back is out. */
        long untilOutputAfterBack(FaultInjector.Event e) {
            return afterReturn < 0 ? -1 : afterReturn - e.startNanos();
        }
    }

    private void printTable(Result r) {
        Checker.Findings f = r.findings;
        out.println();
        out.printf("%-28s %,d (%,d ids; %,d records on news.articles)%n", "articles acknowledged", f.articlesAcked, f.idsAcked, f.articlesOut);
        out.printf("%-28s %s%n", "faults", r.faults);
        String[][] rows = {{"lost", "" + f.lost}, {"duplicated", "" + f.duplicated}, {"torn", "" + f.torn},
                {"out of order", "" + f.outOfOrder}, {"latest wrong", "" + f.latestWrong}, {"unseen", "" + r.unseen},
                {"trending double counts", "" + f.trendingDoubleCounts},
                {"dead letters expected", "" + r.deadlettersExpected()},
                {"dead letters repeated", "" + (f.deadlettersIngest - f.deadlettersIngestDistinct)},
                {"dead letters unexpected", "" + r.deadlettersUnexpected()}};
        for (String[] row : rows) out.printf("%-28s %s%n", row[0], row[1]);
        com.fasterxml.jackson.databind.JsonNode back = r.json().path("part_back_ms");
        r.json().path("recovery_ms").fields().forEachRemaining(e -> out.printf(
                "%-28s p50 %,d ms, max %,d ms (the part itself back after p50 %,d ms, max %,d ms)%n",
                "recovery " + e.getKey(), e.getValue().path("p50").asLong(), e.getValue().path("max").asLong(),
                back.path(e.getKey()).path("p50").asLong(), back.path(e.getKey()).path("max").asLong()));
        if (!r.unrecovered.isEmpty()) out.println("no output after: " + r.unrecovered);
        f.examples.forEach((kind, list) -> out.println("  " + kind + ": " + list.subList(0, Math.min(5, list.size()))));
        out.printf("%s in %.0f s%n", r.clean() ? "CLEAN" : "ANOMALIES FOUND", r.seconds);
    }
}
