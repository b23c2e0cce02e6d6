package io.newsflow.enrich.stories;

import io.micrometer.core.instrument.Metrics;
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
 * Gives each article a story id: the story it already belongs to (new versions stay put), else the
 * most similar open story above the threshold (MinHash + LSH), else a new story. Candidates are the
 * stories sharing LSH bands with the article; the ones sharing the most bands are verified against their
 * member signatures ({@link StoryIndex}, read from the heap). Every store is bounded by the newsroom clock through
 * time buckets ({@link TimeBuckets}), so a story's index ages out after the story window whatever the traffic.
 */
public final class StoryClusterProcessor implements Processor<String, EnrichedArticle, String, EnrichedArticle> {
    public static final String INDEX_STORE = "story-index";
    public static final String ARTICLE_STORIES_STORE = "article-stories";
    /** bounds the work for one article when its bands are crowded (boilerplate shared by many stories) */
    static final int MAX_VERIFIED = 8;
    static final double CERTAIN_MATCH = 0.9;
    private static final Logger log = LoggerFactory.getLogger(StoryClusterProcessor.class);

    private final StorySettings settings;
    private final StoryFingerprint fingerprint;
    private ProcessorContext<String, EnrichedArticle> context;
    private StoryIndex index;
    private ArticleStories articleStories;
    private NewsroomClock clock;

    public StoryClusterProcessor(StorySettings settings) {
        this.settings = settings;
        this.fingerprint = new StoryFingerprint(settings.bodyChars());
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        long window = settings.window().toMillis();
        KeyValueStore<Bytes, byte[]> indexStore = context.getStateStore(INDEX_STORE);
        this.index = new StoryIndex(indexStore, window, StoryFingerprint.SIGNATURE_BYTES, StoryFingerprint.BANDS);
        KeyValueStore<Bytes, String> articleStore = context.getStateStore(ARTICLE_STORIES_STORE);
        this.articleStories = new ArticleStories(articleStore, window);
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
            storyId = assign(article, signature.get(), now);
            articleStories.assign(article.getId(), storyId, now);
        }
        enriched.setStoryId(storyId);
        context.forward(record.withValue(enriched));
    }

    private String assign(io.newsflow.schemas.avro.Article article, byte[] signature, long now) {
        String founding = StoryIds.founding(article.getId());
        if (signature == null) return founding;
        long[] keys = StoryFingerprint.bandKeys(signature);
        String best = null;
        double bestSimilarity = 0;
        List<byte[]> bestMembers = List.of();
        for (String candidate : mostPromising(keys, now)) {
            List<byte[]> members = index.signatures(candidate, now);
            double s = bestSimilarity(members, signature);
            // ties go to the smaller id: the same input always clusters the same way
            if (s > bestSimilarity || (s == bestSimilarity && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestSimilarity = s;
                bestMembers = members;
            }
        }
        boolean joins = best != null && bestSimilarity >= settings.similarityThreshold();
        String storyId = joins ? best : founding;
        if (joins) {
            Metrics.counter("newsflow.enrich.stories", "outcome", "joined").increment();
            log.debug("article {} joins story {} (similarity {})", article.getId(), storyId, bestSimilarity);
        } else {
            Metrics.counter("newsflow.enrich.stories", "outcome", "new").increment();
        }
        int members = joins ? bestMembers.size() : 0;
        if (members < settings.fingerprintsPerStory()) {
            index.add(storyId, signature, keys, now);
        }
        return storyId;
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

    private static double bestSimilarity(List<byte[]> members, byte[] signature) {
        double best = 0;
        for (byte[] member : members) {
            best = Math.max(best, StoryFingerprint.similarity(signature, member));
            if (best >= CERTAIN_MATCH) break; // a near copy: no need to look further
        }
        return best;
    }
}
