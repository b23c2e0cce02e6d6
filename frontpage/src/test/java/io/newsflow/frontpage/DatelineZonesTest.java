package io.newsflow.frontpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.frontpage.zone.DatelineZones;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatelineZonesTest {
    private final DatelineZones zones = DatelineZones.standard();

    private Optional<String> zone(String dateline, String country) {
        return zones.zoneOf(dateline, country).map(ZoneId::getId);
    }

    @Test
    void citiesTheTzDatabaseNames() {
        assertThat(zone("MOSCOW", null)).contains("Europe/Moscow");
        assertThat(zone("Tokyo", null)).contains("Asia/Tokyo");
        assertThat(zone("NEW YORK, Feb 26 -", null)).contains("America/New_York");
        assertThat(zone("S\u00c3O PAULO", null)).contains("America/Sao_Paulo");
    }

    @Test
    void datelineCitiesTheTzDatabaseFilesUnderAnotherName() {
        assertThat(zones.zoneOf("NEW DELHI", "IN").orElseThrow().getRules())
                .isEqualTo(ZoneId.of("Asia/Kolkata").getRules());
        assertThat(zone("WASHINGTON (Reuters) -", null)).contains("America/New_York");
        assertThat(zone("Beijing", null)).contains("Asia/Shanghai");
        assertThat(zone("GENEVA", null)).contains("Europe/Zurich");
    }

    @Test
    void aStateOrCountryAfterTheCityDecides() {
        assertThat(zone("Paris, Texas, May 2 (AP) -", null)).contains("America/Chicago");
        assertThat(zone("PARIS, May 2 (AP) -", null)).contains("Europe/Paris");
        assertThat(zone("Atlanta, Georgia", null)).contains("America/New_York");
        assertThat(zone("Tbilisi, Georgia", null)).contains("Asia/Tbilisi");
        assertThat(zone("Seattle, Washington", null)).contains("America/Los_Angeles");
    }

    @Test
    void aTownOutsideTheTablesTakesItsCountrysZone() {
        assertThat(zone("Cox's Bazar", "BD")).contains("Asia/Dhaka");
        assertThat(zone("Novosibirsk-ish Village, Russia", null)).contains("Europe/Moscow");
        assertThat(zone("Kenya", null)).contains("Africa/Nairobi");
    }

    @Test
    void theTaggersDatelineCountryOverridesASameNamedCityElsewhere() {
        // a Paris the tagger placed in the US is not the French one
        assertThat(zone("PARIS", "US")).contains("America/New_York");
    }

    @Test
    void unknownPlacesHaveNoZone() {
        assertThat(zone("Nowhere In Particular", null)).isEmpty();
        assertThat(zone(null, null)).isEmpty();
        assertThat(zone("", null)).isEmpty();
        assertThat(zone("Feb 26", null)).isEmpty();
    }
}
