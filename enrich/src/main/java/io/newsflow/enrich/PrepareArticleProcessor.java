package io.newsflow.enrich;

import io.newsflow.enrich.stories.StoryFingerprint;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PublicationStatus;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The per-partition work before the newsroom: tags the countries and computes the story fingerprint (MinHash),
 * which travels to the newsroom in a record header. Both run here, in parallel over the raw partitions, so the
 * one-partition newsroom spends its time on what needs all articles in one place.
 */
final class PrepareArticleProcessor implements FixedKeyProcessor<String, Article, EnrichedArticle> {
    private final CountryTagging tagger;
    private final StoryFingerprint fingerprint;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;

    PrepareArticleProcessor(CountryTagging tagger, StoryFingerprint fingerprint) {
        this.tagger = tagger;
        this.fingerprint = fingerprint;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        Article article = record.value();
        boolean usable = article.getStatus() == PublicationStatus.USABLE;
        EnrichedArticle enriched = EnrichedArticle.newBuilder()
                .setArticle(article)
                // a kill notice carries no text worth tagging; downstream only needs the id and status
                .setCountries(usable ? tagger.tag(article) : List.of())
                .setStoryId(null)
                .setTrendingScore(0.0)
                .setEnrichedAt((Instant) null)
                .build();
        StoryFingerprint.Header.attach(record.headers(), usable ? fingerprint.signature(article) : null);
        context.forward(record.withValue(enriched));
    }
}
