package io.newsflow.frontpage;

import static io.newsflow.frontpage.Fixtures.T0;
import static io.newsflow.frontpage.Fixtures.trending;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.frontpage.state.TrendingBoard;
import org.junit.jupiter.api.Test;

class TrendingBoardTest {
    private final TrendingBoard board = new TrendingBoard();

    @Test
    void theLatestListPerRegionWins() {
        assertThat(board.apply("global", trending("global", T0, "s1", "first"))).isTrue();
        assertThat(board.apply("global", trending("global", T0.plusSeconds(60), "s2", "second"))).isTrue();
        assertThat(board.apply("global", trending("global", T0.plusSeconds(30), "s3", "late and older"))).isFalse();
        assertThat(board.snapshot().get("global").getEntries().get(0).getHeadline()).isEqualTo("second");
    }

    @Test
    void regionsAreKeptApartAndATombstoneRemovesOne() {
        board.apply("in", trending("in", T0, "s1", "India story"));
        board.apply("RU", trending("RU", T0, "s2", "Russia story"));
        assertThat(board.snapshot()).containsOnlyKeys("IN", "RU");
        assertThat(board.apply("IN", null)).isTrue();
        assertThat(board.snapshot()).containsOnlyKeys("RU");
    }
}
