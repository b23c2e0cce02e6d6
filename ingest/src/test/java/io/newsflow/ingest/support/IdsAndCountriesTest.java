package io.newsflow.ingest.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsAndCountriesTest {
    @Test
    void sourceIdWinsElseHashOfSourceAndUrlElseHeadline() {
        assertThat(Ids.stableId(" urn:x ", "S", "http://u", "H")).isEqualTo("urn:x");
        String byUrl = Ids.stableId(null, "S", "http://u", "H");
        assertThat(byUrl).isEqualTo(Ids.stableId(null, "s", "http://u", "Other headline")).startsWith("sha256:").hasSize(39);
        assertThat(Ids.stableId(null, "T", "http://u", "H")).isNotEqualTo(byUrl);
        assertThat(Ids.stableId(null, "S", null, "H")).isEqualTo(Ids.stableId(null, "S", null, "  h ")).isNotEqualTo(byUrl);
        assertThat(Ids.stableId(null, "S", null, null)).isNull();
    }

    @Test
    void countryNamesAndCodes() {
        assertThat(CountryNames.toCode("Russia")).isEqualTo("RU");
        assertThat(CountryNames.toCode("united states")).isEqualTo("US");
        assertThat(CountryNames.toCode("Côte d'Ivoire")).isEqualTo("CI");
        assertThat(CountryNames.toCode("Global")).isNull();
        assertThat(CountryCodes.fromIdentifier("iso3166-1a2:de")).isEqualTo("DE");
        assertThat(CountryCodes.fromIdentifier("iso3166-1a2:US-NV")).isEqualTo("US");
        assertThat(CountryCodes.fromIdentifier("iso3166-1a3:CUB")).isEqualTo("CU");
        assertThat(CountryCodes.fromIdentifier("http://cv.iptc.org/newscodes/iso3166-1a2/PT")).isEqualTo("PT");
        assertThat(CountryCodes.fromIdentifier("medtop:04000000")).isNull();
        assertThat(CountryCodes.fromIdentifier("iso3166-1a2:ZZ")).isNull();
    }

    @Test
    void languageDeclaredIsNormalisedAndShortTextIsNotGuessed() {
        assertThat(Languages.declaredOrDetected("EN_us")).isEqualTo("en-US");
        assertThat(Languages.declaredOrDetected(null, "Hi there")).isNull();
        assertThat(Languages.declaredOrDetected(null, "Die Bundesregierung hat am Mittwoch einen neuen Haushaltsentwurf vorgelegt, "
                + "der deutlich mehr Geld für Bildung und Forschung vorsieht.")).isEqualTo("de");
    }
}
