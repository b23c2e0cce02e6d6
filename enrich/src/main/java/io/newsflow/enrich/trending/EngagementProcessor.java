package io.newsflow.enrich.trending;

import io.newsflow.enrich.NewsroomClock;
import io.newsflow.enrich.stories.ArticleStories;
import io.newsflow.enrich.stories.StoryClusterProcessor;
import io.newsflow.schemas.avro.EngagementEvent;
import io.newsflow.schemas.avro.EngagementKind;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Views and shares a site reports for an article add (log-damped) activity to the article's story.
 * Events for articles not in an open story are ignored; events ahead of the newsroom clock count at
 * the clock, so engagement never drags event time forward.
 */
public final class EngagementProcessor implements Processor<String, EngagementEvent, Void, Void> {
    static final double VIEW_WEIGHT = 0.05;
    static final double SHARE_WEIGHT = 0.25;

    private final Duration storyWindow;
    private final TrendingScorer scorer;
    private KeyValueStore<String, StoryStats> stats;
    private ArticleStories articleStories;
    private NewsroomClock clock;

    public EngagementProcessor(TrendingSettings settings, Duration storyWindow) {
        this.storyWindow = storyWindow;
        this.scorer = new TrendingScorer(settings);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.stats = context.getStateStore(TrendingProcessor.STATS_STORE);
        KeyValueStore<Bytes, String> articleStore = context.getStateStore(StoryClusterProcessor.ARTICLE_STORIES_STORE);
        this.articleStories = new ArticleStories(articleStore, storyWindow.toMillis());
        KeyValueStore<String, Long> clockStore = context.getStateStore(NewsroomClock.STORE);
        this.clock = new NewsroomClock(clockStore);
    }

    @Override
    public void process(Record<String, EngagementEvent> record) {
        EngagementEvent e = record.value();
        long now = clock.now();
        if (e == null || e.getArticleId() == null || now == Long.MIN_VALUE) return;
        String storyId = articleStories.storyOf(e.getArticleId(), now);
        if (storyId == null) return;
        StoryStats story = stats.get(storyId);
        if (story == null) return;
        long at = Math.min(e.getAt() == null ? now : e.getAt().toEpochMilli(), now);
        stats.put(storyId, story.withEngagement(weightOf(e), at, scorer));
        clock.markChanged();
    }

    static double weightOf(EngagementEvent e) {
        double perKind = e.getKind() == EngagementKind.SHARE ? SHARE_WEIGHT : VIEW_WEIGHT;
        return perKind * Math.log1p(Math.max(0, e.getCount()));
    }
}
