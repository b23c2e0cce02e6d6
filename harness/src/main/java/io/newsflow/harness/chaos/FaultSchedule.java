package io.newsflow.harness.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code --faults kill-enrich:5,pause-enrich:2,...}: how many faults of each kind, spread over the run in a seeded
 * random order, one at a time, each at a fraction of the items sent.
 */
public record FaultSchedule(Map<String, Integer> counts, List<Planned> plan) {
    public static final List<String> KINDS = List.of("kill-enrich", "pause-enrich", "restart-enrich", "kill-publish",
            "pause-publish", "restart-publish", "kill-broker", "restart-broker", "kill-ingest", "kill-registry");
    static final String DEFAULT = "kill-enrich:5,pause-enrich:2,restart-enrich:3,kill-publish:5,pause-publish:2,"
            + "restart-publish:3,kill-broker:3,restart-broker:3,kill-ingest:3,kill-registry:2";

    /** One fault: its kind and at which fraction of the items sent it starts. */
    record Planned(String kind, double atFraction) {}

    static FaultSchedule parse(String spec, long seed) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (!spec.isBlank() && !spec.equals("none")) {
            for (String part : spec.split(",")) {
                String[] kv = part.trim().split(":");
                if (kv.length != 2 || !KINDS.contains(kv[0].trim())) {
                    throw new IllegalArgumentException("--faults: '" + part + "' is not KIND:COUNT with KIND one of " + KINDS);
                }
                int n;
                try {
                    n = Integer.parseInt(kv[1].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--faults: the count of " + kv[0] + " must be a whole number, got '" + kv[1] + "'");
                }
                if (n < 0) throw new IllegalArgumentException("--faults: the count of " + kv[0] + " cannot be negative");
                counts.merge(kv[0].trim(), n, Integer::sum);
            }
        }
        List<String> order = new ArrayList<>();
        counts.forEach((kind, n) -> {
            for (int i = 0; i < n; i++) order.add(kind);
        });
        Collections.shuffle(order, new Random(seed));
        List<Planned> plan = new ArrayList<>();
        // evenly over 5%..85% of the run, so the last fault still has load behind it to recover under
        for (int i = 0; i < order.size(); i++) {
            plan.add(new Planned(order.get(i), 0.05 + 0.80 * i / Math.max(1, order.size())));
        }
        return new FaultSchedule(Map.copyOf(counts), List.copyOf(plan));
    }

    int total() {
        return plan.size();
    }
}
