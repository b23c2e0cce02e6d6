package io.newsflow.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-03-05T10:15:00+05:30     | 2024-03-05T04:45:00Z",
            "2024-03-05T10:15:00+0530      | 2024-03-05T04:45:00Z",
            "2024-03-05T10:15:00-05        | 2024-03-05T15:15:00Z",
            "2024-03-05T10:15:00.123Z      | 2024-03-05T10:15:00.123Z",
            "2024-03-05 10:15:00 +00:00    | 2024-03-05T10:15:00Z",
            "2024-03-05T10:15Z             | 2024-03-05T10:15:00Z",
            "2024-03-05T10:15:00 GMT       | 2024-03-05T10:15:00Z",
            "2024-03-05T10:15:00           | 2024-03-05T10:15:00Z",
            "2024-03-05                    | 2024-03-05T00:00:00Z",
            "Tue, 5 Mar 2024 10:15:00 +0100 | 2024-03-05T09:15:00Z",
            "Tue, 05 Mar 2024 10:15:00 GMT | 2024-03-05T10:15:00Z"})
    void readsTheFormsPagesUse(String raw, String expected) {
        assertThat(Timestamps.parse(raw)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2024-13-05T10:15:00Z", "2024-02-30", "5 March 2024", "20191119",
            "2024-03-05T25:00:00Z"})
    void anythingElseIsNull(String raw) {
        assertThat(Timestamps.parse(raw)).isNull();
    }
}
