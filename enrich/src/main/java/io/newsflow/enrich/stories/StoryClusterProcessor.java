package io.newsflow.enrich.stories;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.EnrichMetrics;
import io.newsflow.enrich.ArticleTime;
import io.newsflow.enrich.NewsroomClock;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each article a story id: the story it already belongs to (new versions stay put), else the open story
 * closest to it, else a new story. Candidates are the stories sharing LSH bands with the article (MinHash); the
 * ones sharing the most bands are verified against the story itself: its core (its first members, {@link StoryIndex},
 * read from the heap and rebuilt at task start from the articles' records, {@link ArticleStories}) must mostly be
 * above the similarity threshold, its places must agree ({@link StoryPlaces}) and its time too (an article within
 * {@link StorySettings#gap()}). Comparing with the core rather than with any one member keeps stories from chaining:
 * an article close to one member of another event does not pull its story in, and a story merged wrongly does not
 * grow from its stray member. Every store is bounded by the newsroom clock through time buckets
 * ({@link TimeBuckets}), so a story's index ages out after the story window whatever the traffic.
 */
public final class StoryClusterProcessor implements Processor<String, EnrichedArticle, String, EnrichedArticle> {
    public static final String ARTICLE_STORIES_STORE = "article-stories";
    /** bounds the work for one article when its bands are crowded (boilerplate shared by many stories) */
    static final int MAX_VERIFIED = 8;
    private static final Logger log = LoggerFactory.getLogger(StoryClusterProcessor.class);

    private final StorySettings settings;
    private final MeterRegistry meters;
    private final StoryFingerprint fingerprint;
    private ProcessorContext<String, EnrichedArticle> context;
    private StoryIndex index;
    private ArticleStories articleStories;
    private NewsroomClock clock;

    public StoryClusterProcessor(StorySettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        this.fingerprint = new StoryFingerprint(settings.bodyChars());
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        long window = settings.window().toMillis();
        KeyValueStore<Bytes, byte[]> articleStore = context.getStateStore(ARTICLE_STORIES_STORE);
        this.articleStories = new ArticleStories(articleStore, window);
        // the index is derived: rebuilt from the articles' records, with no store or changelog of its own
        this.index = new StoryIndex(articleStories, window, StoryFingerprint.SIGNATURE_BYTES, StoryFingerprint.BANDS);
        KeyValueStore<String, Long> clockStore = context.getStateStore(NewsroomClock.STORE);
        this.clock = new NewsroomClock(clockStore);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle enriched = record.value();
        var article = enriched.getArticle();
        long now = clock.advance(ArticleTime.eventTimeMs(article, record.timestamp()));
        String storyId = articleStories.storyOf(article.getId(), now);
        // the per-partition stage computed the fingerprint; take it off the record either way
        Supplier<byte[]> signature = StoryFingerprint.Header.take(record.headers(), () -> fingerprint.signature(article));
        if (storyId == null) {
            Joined joined = assign(enriched, signature.get(), now);
            storyId = joined.storyId();
            // one durable record per article: its story and, for a core member, what the index compares
            articleStories.assign(article.getId(), storyId, now, joined.core());
        }
        enriched.setStoryId(storyId);
        context.forward(record.withValue(enriched));
    }

    /** The story an article joins (or founds), and its core entry when it became one of the story's core. */
    private record Joined(String storyId, StoryIndex.Member core) {}

    private Joined assign(EnrichedArticle enriched, byte[] signature, long now) {
        var article = enriched.getArticle();
        String founding = StoryIds.founding(article.getId());
        if (signature == null) return new Joined(founding, null);
        long[] keys = StoryFingerprint.bandKeys(signature);
        StoryPlaces places = StoryPlaces.of(enriched.getCountries());
        String best = null;
        double bestSimilarity = 0;
        int bestCore = 0;
        for (String candidate : mostPromising(keys, now)) {
            List<StoryIndex.Member> core = index.members(candidate, now);
            // the story's time: it got an article within the gap (a daily report written alike is a new event each day)
            if (core.isEmpty() || now - index.lastSeen(candidate, core) > settings.gap().toMillis()) continue;
            if (!places.compatibleWith(StoryPlaces.union(core.stream().map(StoryIndex.Member::places).toList()))) continue;
            Closeness c = closeness(core, signature, settings);
            // close to most of the story's core, not to one member: one article near another cannot pull a story in
            if (!c.joinsCore()) continue;
            // ties go to the smaller id: the same input always clusters the same way
            if (c.mean() > bestSimilarity || (c.mean() == bestSimilarity && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestSimilarity = c.mean();
                bestCore = core.size();
            }
        }
        boolean joins = best != null;
        String storyId = joins ? best : founding;
        if (joins) {
            EnrichMetrics.STORIES.counter(meters, "joined").increment();
            log.debug("article {} joins story {} (mean similarity {} to its core of {})", article.getId(), storyId,
                    bestSimilarity, bestCore);
        } else {
            EnrichMetrics.STORIES.counter(meters, "new").increment();
        }
        // the core is the story's first members: later ones are compared against it, never added to it
        StoryIndex.Member core = bestCore < settings.fingerprintsPerStory()
                ? index.add(storyId, signature, keys, places, now) : null;
        index.touch(storyId, now);
        return new Joined(storyId, core);
    }

    /** How close an article is to a story's core: its mean similarity, and whether most of the core is close. */
    record Closeness(double mean, int close, int core) {
        boolean joinsCore() {
            return close * 2 > core;
        }
    }

    /**
     * A member is close when the words are alike and so are the names and figures (when both have enough to tell):
     * the same skeleton with another place, name or figure is another event.
     */
    static Closeness closeness(List<StoryIndex.Member> core, byte[] signature, StorySettings settings) {
        double sum = 0;
        int close = 0;
        for (StoryIndex.Member m : core) {
            double s = StoryFingerprint.similarity(signature, m.signature());
            sum += s;
            if (s < settings.similarityThreshold()) continue;
            double specifics = StoryFingerprint.specificSimilarity(signature, m.signature());
            if (specifics < 0 || specifics >= settings.specificsThreshold()) close++;
        }
        return new Closeness(sum / core.size(), close, core.size());
    }

    /** The candidates sharing the most bands with the signature (ties by id), at most {@value #MAX_VERIFIED}. */
    private List<String> mostPromising(long[] keys, long now) {
        Map<String, Integer> hits = new HashMap<>();
        index.candidates(keys, now, hits);
        // a bounded heap: candidates can number in the hundreds when bands are crowded by boilerplate
        PriorityQueue<Map.Entry<String, Integer>> top = new PriorityQueue<>(MAX_VERIFIED + 1, BETTER.reversed());
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            top.add(e);
            if (top.size() > MAX_VERIFIED) top.poll();
        }
        List<String> out = new ArrayList<>(top.size());
        while (!top.isEmpty()) out.add(top.poll().getKey());
        Collections.reverse(out);
        return out;
    }

    /** More shared bands first, then the smaller id, so the same input always verifies the same candidates. */
    private static final Comparator<Map.Entry<String, Integer>> BETTER =
            Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

}
