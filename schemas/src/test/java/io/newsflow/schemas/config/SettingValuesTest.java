package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingValuesTest {
    private static Properties of(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    @Test
    void absentOrBlankGivesTheDefaultAndAValueIsTrimmed() {
        assertThat(SettingValues.intOf(new Properties(), "a.b", 7)).isEqualTo(7);
        assertThat(SettingValues.intOf(of("a.b", "  "), "a.b", 7)).isEqualTo(7);
        assertThat(SettingValues.intOf(of("a.b", " 42 "), "a.b", 7)).isEqualTo(42);
        assertThat(SettingValues.longOf(Map.of("a.b", "5000000000"), "a.b", 1)).isEqualTo(5_000_000_000L);
        assertThat(SettingValues.doubleOf(of("a.b", "0.25"), "a.b", 1)).isEqualTo(0.25);
        assertThat(SettingValues.durationOf(of("a.b", "PT2H"), "a.b", Duration.ZERO)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aWrongValueNamesTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> SettingValues.intOf(of("x.y", "six"), "x.y", 1))
                .hasMessage("x.y must be a whole number, got 'six'");
        assertThatThrownBy(() -> SettingValues.intOf(Map.of("x.y", "5000000000"), "x.y", 1))
                .hasMessage("x.y must be a whole number from -2147483648 to 2147483647, got '5000000000'");
        assertThatThrownBy(() -> SettingValues.doubleOf(of("x.y", "half"), "x.y", 1))
                .hasMessage("x.y must be a number, got 'half'");
        assertThatThrownBy(() -> SettingValues.durationOf(of("x.y", "2h"), "x.y", Duration.ZERO))
                .hasMessage("x.y must be an ISO-8601 duration such as PT2H or P7D, got '2h'");
    }
}
