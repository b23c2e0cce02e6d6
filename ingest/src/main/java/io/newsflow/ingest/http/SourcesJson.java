package io.newsflow.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.sources.SourceHealth;
import java.util.Locale;

/** {@code GET /v1/sources}: every source with its state, its last item, its rate against its usual one, its errors. */
final class SourcesJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SourcesJson() {}

    static ObjectNode of(SourceHealth health) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("sources");
        for (SourceHealth.Source s : health.all()) {
            ObjectNode n = list.addObject();
            n.put("name", s.name());
            n.put("kind", s.kind());
            n.put("state", s.state().name().toLowerCase(Locale.ROOT));
            n.put("last_item_at", s.lastItemAt() == null ? null : s.lastItemAt().toString());
            n.put("items_last_hour", health.itemsLastHour(s));
            if (s.usualPerHour() < 0) {
                n.putNull("usual_deliveries_per_hour");
            } else {
                n.put("usual_deliveries_per_hour", Math.round(s.usualPerHour() * 10) / 10.0);
            }
            n.put("items", s.items());
            n.put("refused", s.refused());
            n.put("errors", s.errors());
            n.put("failures_in_a_row", s.failures());
            n.put("last_error", s.lastError());
            if ("pull".equals(s.kind())) {
                n.put("polls", s.polls());
                n.put("not_modified", s.notModified());
                n.put("unchanged_bodies", s.unchangedBodies());
                n.put("fetches_refused", s.fetchesRefused());
                s.refusals().forEach(n.putArray("refusals")::add);
            }
        }
        return out;
    }
}
