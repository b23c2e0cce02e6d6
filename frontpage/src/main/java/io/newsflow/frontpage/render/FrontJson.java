package io.newsflow.frontpage.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.frontpage.state.FrontSnapshot;
import io.newsflow.frontpage.zone.DatelineZones;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendingEntry;
import io.newsflow.schemas.avro.TrendingList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/front}: the front page as JSON, field names as in the contract's article JSON
 * ({@code story_id}, {@code trending_score}, countries as the {@code tag} command prints them).
 */
public final class FrontJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DatelineZones zones;

    public FrontJson(DatelineZones zones) {
        this.zones = zones;
    }

    public String render(FrontSnapshot snapshot) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("at", snapshot.at().toString());
        List<Object> articles = new ArrayList<>();
        for (EnrichedArticle e : snapshot.articles()) {
            articles.add(article(e));
        }
        root.put("articles", articles);
        Map<String, Object> trending = new TreeMap<>();
        for (Map.Entry<String, TrendingList> region : snapshot.trending().entrySet()) {
            trending.put(region.getKey(), region(region.getKey(), region.getValue(), snapshot));
        }
        root.put("trending", trending);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the front page as JSON", e);
        }
    }

    private Map<String, Object> article(EnrichedArticle e) {
        Article a = e.getArticle();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.getId());
        m.put("version", a.getVersion());
        m.put("link", "/article/" + Html.idSegment(a.getId()));
        m.put("headline", a.getHeadline());
        m.put("summary", a.getSummary());
        m.put("source", a.getSource());
        // a link a page may follow: http(s) only, never javascript:, data: or the like from a feed
        m.put("url", ArticleFacts.notBlank(a.getUrl()) && PageRenderer.isWebUrl(a.getUrl()) ? a.getUrl().strip() : null);
        m.put("byline", a.getByline());
        m.put("dateline", a.getDateline());
        m.put("time_zone", ArticleFacts.zoneOf(e, zones).getId());
        m.put("created", iso(a.getCreated()));
        m.put("updated", iso(a.getUpdated()));
        m.put("meta", ArticleFacts.metaLine(a, ArticleFacts.zoneOf(e, zones)));
        m.put("credit", a.getCredit());
        m.put("language", a.getLanguage());
        List<Object> countries = new ArrayList<>();
        for (CountryTag t : ArticleFacts.countriesFocusFirst(e)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("code", t.getCode());
            c.put("name", RegionLabels.countryName(t.getCode()));
            c.put("role", t.getRole().name().toLowerCase(Locale.ROOT));
            c.put("score", t.getScore());
            countries.add(c);
        }
        m.put("countries", countries);
        m.put("story_id", e.getStoryId());
        m.put("trending_score", e.getTrendingScore());
        return m;
    }

    private static Map<String, Object> region(String region, TrendingList list, FrontSnapshot snapshot) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", RegionLabels.label(region));
        m.put("at", iso(list.getAt()));
        List<Object> entries = new ArrayList<>();
        int rank = 0;
        for (TrendingEntry entry : list.getEntries()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("rank", ++rank);
            x.put("story_id", entry.getStoryId());
            x.put("headline", entry.getHeadline());
            x.put("score", entry.getScore());
            x.put("articles", entry.getArticles());
            x.put("sources", entry.getSources());
            x.put("countries", entry.getCountries());
            String articleId = snapshot.articleOfStory(entry.getStoryId());
            x.put("article", articleId == null ? null : "/article/" + Html.idSegment(articleId));
            entries.add(x);
        }
        m.put("entries", entries);
        return m;
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
