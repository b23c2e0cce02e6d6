package io.newsflow.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BandTableTest {
    @Test
    void keepsEveryBandThroughGrowthWithItsStoriesNewestLast() {
        BandTable t = new BandTable(3);
        for (long band = 0; band < 5_000; band++) t.add(band * 7919, "st-" + band);
        for (int i = 0; i < 4; i++) t.add(42 * 7919, "st-x" + i);
        t.add(42 * 7919, "st-x3"); // already there: no change
        assertThat(t.size()).isEqualTo(5_000);
        assertThat(t.get(17 * 7919)).containsExactly("st-17");
        assertThat(t.get(42 * 7919)).containsExactly("st-x1", "st-x2", "st-x3");
        assertThat(t.get(-1)).isEmpty();
    }
}
