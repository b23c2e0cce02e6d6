package io.newsflow.enrich.trending;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.avro.TrendingEntry;
import io.newsflow.schemas.avro.TrendingList;
import java.time.Instant;
import java.util.Map;

/** Trending lists as the contract's JSON: entries {story_id, headline, score, articles, sources, countries}. */
public final class TrendingJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TrendingJson() {}

    public static ArrayNode entries(TrendingList list) {
        ArrayNode arr = MAPPER.createArrayNode();
        if (list == null) return arr;
        for (TrendingEntry e : list.getEntries()) {
            ObjectNode n = arr.addObject();
            n.put("story_id", e.getStoryId());
            n.put("headline", e.getHeadline());
            n.put("score", e.getScore());
            n.put("articles", e.getArticles());
            n.put("sources", e.getSources());
            ArrayNode c = n.putArray("countries");
            e.getCountries().forEach(c::add);
        }
        return arr;
    }

    /** {"at":..., "regions":{"global":[...], "RU":[...]}}, global first, then countries in code order. */
    public static ObjectNode regions(Instant at, Map<String, TrendingList> lists) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("at", at == null ? null : at.toString());
        ObjectNode regions = root.putObject("regions");
        regions.set(TrendingRanker.GLOBAL, entries(lists.get(TrendingRanker.GLOBAL)));
        lists.forEach((region, list) -> {
            if (!region.equals(TrendingRanker.GLOBAL)) regions.set(region, entries(list));
        });
        return root;
    }

    /** One region, as served by GET /trending. */
    public static ObjectNode region(String region, TrendingList list) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("region", region);
        root.put("at", list == null ? null : list.getAt().toString());
        root.set("entries", entries(list));
        return root;
    }
}
