package io.newsflow.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.stories.StoryFingerprint;
import io.newsflow.enrich.stories.StorySettings;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.schemas.avro.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated traffic must exercise story clustering the way real wires do: agencies' takes on one story are
 * near-duplicates, two stories of one kind (two floods) are not. Measured with enrich's own fingerprint.
 */
class GeneratedStoriesClusterTest {
    record Take(String story, String kind, byte[] signature) {}

    @Test
    void takesOfOneStoryAreAlikeAndStoriesOfOneKindAreNot() throws Exception {
        StorySettings settings = StorySettings.defaults();
        StoryFingerprint fingerprint = new StoryFingerprint(settings.bodyChars());
        ParserRegistry parsers = ParserRegistry.defaults();
        WireTrafficModel model = new WireTrafficModel(7);
        List<Take> takes = new ArrayList<>();
        Instant t = Instant.parse("2026-11-28T06:00:00Z");
        while (takes.size() < 1_500) {
            t = t.plusMillis(100);
            WireItem item = model.next(t);
            if (item.kind() != WireItem.Kind.NEW) continue;
            for (Article a : parsers.parse(new Document("test", item.contentType(), item.body()), null).articles()) {
                takes.add(new Take(item.storyKey(), item.storyKey().replaceAll("-.*", ""), fingerprint.signature(a)));
            }
        }
        int samePairs = 0, sameJoined = 0, otherPairs = 0, otherJoined = 0;
        double otherSum = 0;
        for (int i = 0; i < takes.size(); i++) {
            for (int j = i + 1; j < takes.size(); j++) {
                Take a = takes.get(i), b = takes.get(j);
                if (!a.kind().equals(b.kind())) continue;
                boolean joined = StoryFingerprint.similarity(a.signature(), b.signature()) >= settings.similarityThreshold();
                if (a.story().equals(b.story())) {
                    samePairs++;
                    if (joined) sameJoined++;
                } else {
                    otherPairs++;
                    if (joined) otherJoined++;
                    otherSum += StoryFingerprint.similarity(a.signature(), b.signature());
                }
            }
        }
        System.out.printf("same story: %d of %d pairs above the threshold; same kind, other story: %d of %d (mean similarity %.3f)%n",
                sameJoined, samePairs, otherJoined, otherPairs, otherSum / otherPairs);
        assertThat(samePairs).isGreaterThan(200);
        assertThat(otherPairs).isGreaterThan(10_000);
        assertThat((double) sameJoined / samePairs).as("takes of one story look alike").isGreaterThan(0.9);
        assertThat((double) otherJoined / otherPairs).as("stories of one kind look different").isLessThan(0.001);
    }
}
