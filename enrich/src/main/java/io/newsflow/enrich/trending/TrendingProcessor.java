package io.newsflow.enrich.trending;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.EnrichMetrics;
import io.newsflow.enrich.ArticleTime;
import io.newsflow.enrich.NewsroomClock;
import io.newsflow.enrich.stories.ArticleStories;
import io.newsflow.enrich.stories.StoryClusterProcessor;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.EngagementEvent;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PublicationStatus;
import io.newsflow.schemas.avro.TrendingList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds each article to its story's stats and stamps the article with the story's score; adds engagement events
 * (views, shares a site reports) to the story of their article; on a wall-clock punctuation (at most once per
 * {@code emitInterval}) re-ranks every region at the newsroom clock and publishes the lists that changed.
 * Input values are {@link EnrichedArticle} (story id set) or {@link EngagementEvent}; output values are
 * {@link EnrichedArticle} (keyed by article id) and {@link TrendingList} (keyed by region). One processor owns the
 * stats, so their heap copy ({@link StoryStatsStore}) is never stale.
 */
public final class TrendingProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {
    public static final String STATS_STORE = "story-stats";
    public static final String LISTS_STORE = "trending-lists";
    private static final Logger log = LoggerFactory.getLogger(TrendingProcessor.class);

    private final TrendingSettings settings;
    private final Duration storyWindow;
    private final TrendingRanker ranker;
    private ProcessorContext<String, SpecificRecord> context;
    private StoryStatsStore stats;
    private KeyValueStore<String, TrendingList> lists;
    private ArticleStories articleStories;
    private NewsroomClock clock;
    private final MeterRegistry meters;
    private long publishedClock = Long.MIN_VALUE;
    private long publishedChanges = -1;

    public TrendingProcessor(TrendingSettings settings, Duration storyWindow, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        this.storyWindow = storyWindow;
        this.ranker = new TrendingRanker(settings);
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.lists = context.getStateStore(LISTS_STORE);
        KeyValueStore<Bytes, byte[]> articleStore = context.getStateStore(StoryClusterProcessor.ARTICLE_STORIES_STORE);
        this.articleStories = new ArticleStories(articleStore, storyWindow.toMillis());
        KeyValueStore<String, Long> clockStore = context.getStateStore(NewsroomClock.STORE);
        this.clock = new NewsroomClock(clockStore);
        // the members are trending's part of the articles' records: no store write or changelog record of their own
        KeyValueStore<Bytes, byte[]> statsStore = context.getStateStore(STATS_STORE);
        this.stats = new StoryStatsStore(statsStore, articleStories, settings.maxMembers(), clock.now());
        context.schedule(settings.emitInterval(), PunctuationType.WALL_CLOCK_TIME, t -> publishLists());
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof EnrichedArticle enriched) {
            article(record.withValue(enriched));
        } else if (record.value() instanceof EngagementEvent event) {
            engagement(event);
        }
    }

    private void article(Record<String, EnrichedArticle> record) {
        EnrichedArticle enriched = record.value();
        Article article = enriched.getArticle();
        String storyId = enriched.getStoryId();
        long now = clock.now();
        StoryStats story;
        if (article.getStatus() != PublicationStatus.USABLE) {
            story = stats.removeMember(storyId, article.getId(), now);
        } else {
            long published = ArticleTime.firstPublishedMs(article, record.timestamp());
            boolean late = now - published > settings.lateness().toMillis();
            if (late) EnrichMetrics.TRENDING_LATE.counter(meters).increment();
            story = stats.putMember(storyId, new StoryStats.Member(article.getId(), sourceOf(article), published, late,
                    focusCountries(enriched.getCountries()), article.getHeadline()), settings.maxMembers(), now);
        }
        clock.markChanged();
        enriched.setTrendingScore(ranker.scorer().score(story, now));
        enriched.setEnrichedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()));
        context.forward(new Record<>(article.getId(), (SpecificRecord) enriched, record.timestamp(), record.headers()));
    }

    /**
     * Engagement for articles not in an open story is ignored; events ahead of the newsroom clock count at the
     * clock, so engagement never drags event time forward.
     */
    private void engagement(EngagementEvent e) {
        long now = clock.now();
        if (e.getArticleId() == null || now == Long.MIN_VALUE) return;
        String storyId = articleStories.storyOf(e.getArticleId(), now);
        StoryStats story = storyId == null ? null : stats.get(storyId);
        if (story == null) return;
        long at = Math.min(e.getAt() == null ? now : e.getAt().toEpochMilli(), now);
        stats.putEngagement(story.withEngagement(EngagementWeights.weightOf(e), at, ranker.scorer()));
        clock.markChanged();
    }

    /** Re-ranks at the clock; publishes changed lists and drops stories older than the story window. */
    void publishLists() {
        long now = clock.now();
        long changes = clock.changes();
        if (now == Long.MIN_VALUE || (now == publishedClock && changes == publishedChanges)) return;
        List<String> expired = stats.expire(now, storyWindow.toMillis());
        List<StoryStats> open = new ArrayList<>(stats.all());
        Map<String, TrendingList> ranked = ranker.rank(open, now);
        int published = 0;
        for (TrendingList list : ranked.values()) {
            if (TrendingListChange.significant(lists.get(list.getRegion()), list)) {
                lists.put(list.getRegion(), list);
                context.forward(new Record<>(list.getRegion(), (SpecificRecord) list, now));
                published++;
            }
        }
        List<String> emptied = new ArrayList<>();
        try (KeyValueIterator<String, TrendingList> it = lists.all()) {
            while (it.hasNext()) {
                KeyValue<String, TrendingList> kv = it.next();
                if (!ranked.containsKey(kv.key)) emptied.add(kv.key);
            }
        }
        for (String region : emptied) {
            // one empty list tells consumers the region has nothing trending any more
            context.forward(new Record<>(region, (SpecificRecord) new TrendingList(region, Instant.ofEpochMilli(now), List.of()), now));
            lists.delete(region);
            published++;
        }
        publishedClock = now;
        publishedChanges = changes;
        if (published > 0 || !expired.isEmpty()) {
            log.info("trending at {}: {} open stories, {} lists published, {} stories expired",
                    Instant.ofEpochMilli(now), open.size(), published, expired.size());
        }
    }

    static List<String> focusCountries(List<CountryTag> tags) {
        if (tags == null) return List.of();
        return tags.stream().filter(t -> t.getRole() == CountryRole.FOCUS).map(CountryTag::getCode).distinct().sorted().toList();
    }

    static String sourceOf(Article a) {
        return a.getSource() != null ? a.getSource() : a.getFeed();
    }
}
