package io.newsflow.enrich.stories;

import io.micrometer.core.instrument.Metrics;
import io.newsflow.enrich.ArticleTime;
import io.newsflow.enrich.NewsroomClock;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each article a story id: the story it already belongs to (new versions stay put), else the
 * most similar open story above the threshold (MinHash + LSH), else a new story. Every store is bounded
 * by the newsroom clock: the band index by time buckets ({@link BandIndex}), fingerprints and article
 * stories as window stores, so a story's index ages out after the story window whatever the traffic.
 */
public final class StoryClusterProcessor implements Processor<String, EnrichedArticle, String, EnrichedArticle> {
    public static final String BANDS_STORE = "story-bands";
    public static final String FINGERPRINTS_STORE = "story-fingerprints";
    public static final String ARTICLE_STORIES_STORE = "article-stories";
    /** bounds the work for one article when a band is crowded */
    static final int MAX_CANDIDATES = 32;
    static final double CERTAIN_MATCH = 0.9;
    private static final Logger log = LoggerFactory.getLogger(StoryClusterProcessor.class);

    private final StorySettings settings;
    private final StoryFingerprint fingerprint;
    private ProcessorContext<String, EnrichedArticle> context;
    private BandIndex bands;
    private WindowStore<String, byte[]> fingerprints;
    private WindowStore<String, String> articleStories;
    private NewsroomClock clock;

    public StoryClusterProcessor(StorySettings settings) {
        this.settings = settings;
        this.fingerprint = new StoryFingerprint(settings.bodyChars());
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        KeyValueStore<Bytes, String> bandStore = context.getStateStore(BANDS_STORE);
        this.bands = new BandIndex(bandStore, settings.window().toMillis());
        this.fingerprints = context.getStateStore(FINGERPRINTS_STORE);
        this.articleStories = context.getStateStore(ARTICLE_STORIES_STORE);
        KeyValueStore<String, Long> clockStore = context.getStateStore(NewsroomClock.STORE);
        this.clock = new NewsroomClock(clockStore);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle enriched = record.value();
        var article = enriched.getArticle();
        long now = clock.advance(ArticleTime.eventTimeMs(article, record.timestamp()));
        long from = now - settings.window().toMillis();
        String storyId = latest(articleStories, article.getId(), from, now);
        if (storyId == null) {
            storyId = assign(article, from, now);
            articleStories.put(article.getId(), storyId, now);
        }
        enriched.setStoryId(storyId);
        context.forward(record.withValue(enriched));
    }

    private String assign(io.newsflow.schemas.avro.Article article, long from, long now) {
        byte[] signature = fingerprint.signature(article);
        String founding = StoryIds.founding(article.getId());
        if (signature == null) return founding;
        long[] keys = StoryFingerprint.bandKeys(signature);
        String best = null;
        double bestSimilarity = 0;
        for (String candidate : candidates(keys, from, now)) {
            double s = bestSimilarity(candidate, signature, from, now);
            // ties go to the smaller id: the same input always clusters the same way
            if (s > bestSimilarity || (s == bestSimilarity && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestSimilarity = s;
            }
        }
        String storyId = best != null && bestSimilarity >= settings.similarityThreshold() ? best : founding;
        if (storyId.equals(founding)) {
            Metrics.counter("newsflow.enrich.stories", "outcome", "new").increment();
        } else {
            Metrics.counter("newsflow.enrich.stories", "outcome", "joined").increment();
            log.debug("article {} joins story {} (similarity {})", article.getId(), storyId, bestSimilarity);
        }
        if (countFingerprints(storyId, from, now) < settings.fingerprintsPerStory()) {
            fingerprints.put(storyId, signature, now);
            bands.add(keys, storyId, now);
        }
        return storyId;
    }

    private Set<String> candidates(long[] keys, long from, long now) {
        Set<String> out = new LinkedHashSet<>();
        bands.candidates(keys, now, MAX_CANDIDATES, out);
        return out;
    }

    private double bestSimilarity(String storyId, byte[] signature, long from, long now) {
        double best = 0;
        try (WindowStoreIterator<byte[]> it = fingerprints.fetch(storyId, from, now)) {
            while (it.hasNext()) {
                best = Math.max(best, StoryFingerprint.similarity(signature, it.next().value));
                if (best >= CERTAIN_MATCH) break; // a near copy: no need to look further
            }
        }
        return best;
    }

    private int countFingerprints(String storyId, long from, long now) {
        int n = 0;
        try (WindowStoreIterator<byte[]> it = fingerprints.fetch(storyId, from, now)) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    static String latest(WindowStore<String, String> store, String key, long from, long now) {
        try (WindowStoreIterator<String> it = store.backwardFetch(key, from, now)) {
            if (!it.hasNext()) return null;
            KeyValue<Long, String> kv = it.next();
            return kv.value;
        }
    }
}
