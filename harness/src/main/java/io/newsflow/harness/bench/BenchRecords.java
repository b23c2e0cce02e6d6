package io.newsflow.harness.bench;

import io.newsflow.generator.WireItem;
import io.newsflow.generator.WireTrafficModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The records every stage of the bench carries: the generator's well-formed new items (ninjs, RSS, NewsML), so
 * raw Kafka, the pass-through hop and the whole pipeline move the same bytes. Updates, withdrawals and broken items
 * are left out here: each of these must come out of the pipeline exactly once, which makes the count exact.
 */
public final class BenchRecords {
    private BenchRecords() {}

    public static List<WireItem> generate(int count, long seed, String idPrefix) {
        WireTrafficModel model = new WireTrafficModel(seed, idPrefix);
        Instant t = Instant.parse("2026-11-28T06:00:00Z");
        List<WireItem> items = new ArrayList<>(count);
        while (items.size() < count) {
            t = t.plusMillis(50);
            WireItem item = model.next(t);
            if (item.kind() == WireItem.Kind.NEW) {
                items.add(item);
            }
        }
        return items;
    }
}
