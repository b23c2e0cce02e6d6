package io.newsflow.enrich.stories;

import static io.newsflow.enrich.NewsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.NewsFixtures.Copy;
import io.newsflow.schemas.avro.Article;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryFingerprintTest {
    private final StoryFingerprint fp = new StoryFingerprint(StorySettings.defaults().bodyChars());
    private final double threshold = StorySettings.defaults().similarityThreshold();

    private byte[] sig(Copy c) {
        Article a = article("x", "s", c, Instant.parse("2026-03-03T06:00:00Z"), List.of());
        return fp.signature(a);
    }

    @Test
    void rewrittenCopiesOfOneStoryAreSimilar() {
        List<Copy> quake = List.of(QUAKE_WIRE_A, QUAKE_WIRE_B, QUAKE_WIRE_C);
        for (Copy a : quake) {
            for (Copy b : quake) {
                double s = StoryFingerprint.similarity(sig(a), sig(b));
                double names = StoryFingerprint.specificSimilarity(sig(a), sig(b));
                System.out.printf("same %.3f names and figures %.3f %s | %s%n", s, names, a.headline(), b.headline());
                assertThat(s).as(a.headline() + " vs " + b.headline()).isGreaterThanOrEqualTo(threshold);
                assertThat(names).as(a.headline() + " vs " + b.headline()).isGreaterThanOrEqualTo(StorySettings.defaults().specificsThreshold());
            }
        }
    }

    @Test
    void storiesSharingOnlyACountryOrWordsStayApart() {
        List<Copy> distinct = List.of(QUAKE_WIRE_A, TURKEY_RATES, RUSSIA_RATES, RUSSIA_COURT, RUSSIA_MARATHON, filler(1), filler(2));
        for (int i = 0; i < distinct.size(); i++) {
            for (int j = i + 1; j < distinct.size(); j++) {
                double s = StoryFingerprint.similarity(sig(distinct.get(i)), sig(distinct.get(j)));
                System.out.printf("diff %.3f %s | %s%n", s, distinct.get(i).headline(), distinct.get(j).headline());
                assertThat(s).as(distinct.get(i).headline() + " vs " + distinct.get(j).headline()).isLessThan(threshold / 2);
            }
        }
    }

    @Test
    void identicalTextGivesIdenticalBandKeysAndTooShortTextHasNoSignature() {
        assertThat(StoryFingerprint.bandKeys(sig(RUSSIA_COURT))).containsExactly(StoryFingerprint.bandKeys(sig(RUSSIA_COURT)));
        Article tiny = article("t", "s", new Copy("Hi", null, "ok", null), Instant.EPOCH, List.of());
        assertThat(fp.signature(tiny)).isNull();
    }

    @Test
    void theSignatureHeaderIsTakenOffTheRecordAndAbsentMeansCompute() {
        byte[] quake = sig(QUAKE_WIRE_A);
        org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        StoryFingerprint.Header.attach(headers, quake);
        StoryFingerprint.Header.attach(headers, quake); // attaching again replaces, never doubles
        assertThat(headers.headers(StoryFingerprint.Header.NAME)).hasSize(1);
        assertThat(StoryFingerprint.Header.take(headers, () -> { throw new AssertionError("must not compute"); }).get()).isEqualTo(quake);
        assertThat(headers.lastHeader(StoryFingerprint.Header.NAME)).isNull();

        StoryFingerprint.Header.attach(headers, null); // too little text
        assertThat(StoryFingerprint.Header.take(headers, () -> quake).get()).isNull();

        byte[] computed = sig(QUAKE_WIRE_B);
        assertThat(StoryFingerprint.Header.take(headers, () -> computed).get()).isSameAs(computed);
    }

    @Test
    void oneSkeletonWithOtherNamesAndFiguresSharesWordsButNotNamesAndFigures() {
        byte[] busan = sig(StoryClusteringTest.election("South Korea", "South Korean", "Busan", 66, "Kim Min-jun"));
        byte[] incheon = sig(StoryClusteringTest.election("South Korea", "South Korean", "Incheon", 49, "Park Ji-ho"));
        double words = StoryFingerprint.similarity(busan, incheon);
        double names = StoryFingerprint.specificSimilarity(busan, incheon);
        System.out.printf("skeleton %.3f names and figures %.3f%n", words, names);
        assertThat(words).isGreaterThanOrEqualTo(threshold);
        assertThat(names).isLessThan(StorySettings.defaults().specificsThreshold());
        // too few names and figures to tell: unknown, not "different"
        Article plain = article("p", "s", StoryClusteringTest.words(0, 30), Instant.EPOCH, List.of());
        assertThat(StoryFingerprint.specificSimilarity(fp.signature(plain), busan)).isEqualTo(-1);
    }

    @Test
    void componentsComparedInPlaceGiveThePolicysFigure() {
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 200; n++) {
            byte[] a = sig(StoryClusteringTest.words(random.nextInt(50), 60 + random.nextInt(50)));
            byte[] b = sig(StoryClusteringTest.words(random.nextInt(50), 60 + random.nextInt(50)));
            assertThat(StoryFingerprint.fractionOfEqualComponents(a, b, 0)).isEqualTo(StoryFingerprint.policyFraction(a, b, 0));
            assertThat(StoryFingerprint.fractionOfEqualComponents(a, b, StoryFingerprint.PART_BYTES))
                    .isEqualTo(StoryFingerprint.policyFraction(a, b, StoryFingerprint.PART_BYTES));
        }
    }
}
