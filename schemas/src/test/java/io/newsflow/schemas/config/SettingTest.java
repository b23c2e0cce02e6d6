package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingTest {
    enum Mode { ALL, FOCUS, NONE }

    static final Setting<Integer> PORT = Setting.integer("x.http.port", 8083, "port").atLeast(-1).example("9083");
    static final Setting<Duration> WINDOW = Setting.duration("x.window", Duration.ofHours(2), "window");
    static final Setting<Boolean> ON = Setting.bool("x.enabled", true, "on");
    static final Setting<Mode> MODE = Setting.choice("x.mode", Mode.ALL, "mode");
    static final Setting<String> ID = Setting.string("x.id", "0", "id");

    @Test
    void absentMeansTheDefaultAndAValueIsReadAsItsType() {
        Properties none = new Properties();
        assertThat(PORT.read(none)).isEqualTo(8083);
        assertThat(WINDOW.read(none)).isEqualTo(Duration.ofHours(2));
        assertThat(MODE.read(none)).isEqualTo(Mode.ALL);
        Properties p = props("x.http.port", " 9000 ", "x.window", "PT30M", "x.enabled", "FALSE", "x.mode", "Focus",
                "x.id", " b ");
        assertThat(PORT.read(p)).isEqualTo(9000);
        assertThat(WINDOW.read(p)).isEqualTo(Duration.ofMinutes(30));
        assertThat(ON.read(p)).isFalse();
        assertThat(MODE.read(p)).isEqualTo(Mode.FOCUS);
        assertThat(ID.read(p)).isEqualTo("b");
    }

    @Test
    void aWrongValueIsRefusedNamingTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> PORT.read(props("x.http.port", "-2"))).hasMessage("x.http.port must be at least -1, got '-2'");
        assertThatThrownBy(() -> PORT.read(props("x.http.port", "eighty"))).hasMessage("x.http.port must be a whole number, got 'eighty'");
        assertThatThrownBy(() -> ON.read(props("x.enabled", "yes"))).hasMessage("x.enabled must be true or false, got 'yes'");
        assertThatThrownBy(() -> MODE.read(props("x.mode", "most"))).hasMessage("x.mode must be one of all, focus, none, got 'most'");
        assertThatThrownBy(() -> WINDOW.read(props("x.window", "2h"))).hasMessageContaining("x.window must be an ISO-8601 duration");
    }

    @Test
    void aBlankNumberIsItsDefaultButABlankStringStaysBlankForItsServiceToRefuse() {
        assertThat(PORT.read(props("x.http.port", " "))).isEqualTo(8083);
        assertThat(ID.read(props("x.id", ""))).isEmpty();
    }

    @Test
    void theDeclarationCarriesWhatTheReferenceShows() {
        assertThat(PORT.key()).isEqualTo("x.http.port");
        assertThat(PORT.defaultText()).isEqualTo("8083");
        assertThat(PORT.allowed()).isEqualTo("at least -1");
        assertThat(PORT.example()).isEqualTo("9083");
        assertThat(MODE.defaultText()).isEqualTo("all");
        assertThat(WINDOW.documentedDefault("2 hours").defaultText()).isEqualTo("2 hours");
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) p.setProperty(kv[i], kv[i + 1]);
        return p;
    }
}
