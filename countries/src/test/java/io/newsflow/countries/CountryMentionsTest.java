package io.newsflow.countries;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every country a story names or clearly implies comes out, as {@code mentioned} unless it is what the story is
 * about, through the standard tagger with its default thresholds: the kinds of mention a story names in passing, and
 * the ambiguous names that must be read by context rather than dropped.
 */
class CountryMentionsTest {
    private static final CountryTagger TAGGER = CountryTagger.standard();

    /** Code to role, best first. */
    private static Map<String, CountryRole> tags(String headline, String dateline, String body) {
        Map<String, CountryRole> out = new LinkedHashMap<>();
        for (CountryTag t : TAGGER.tag(TagInput.of(headline, dateline, body))) {
            out.put(t.getCode(), t.getRole());
        }
        return out;
    }

    private static String evidenceOf(String code, String headline, String dateline, String body) {
        return TAGGER.tag(TagInput.of(headline, dateline, body)).stream().filter(t -> t.getCode().equals(code))
                .findFirst().map(t -> t.getEvidence().toString()).orElse("");
    }

    @Nested
    class KindsOfMention {
        @Test
        void aPlainCountryNameInTheBody() {
            assertThat(tags("Parliament passes budget in Kenya", "NAIROBI",
                    "NAIROBI - Kenya's parliament passed the budget on Tuesday. Observers from Ghana attended the session."))
                    .containsEntry("KE", CountryRole.FOCUS).containsEntry("GH", CountryRole.MENTIONED);
        }

        @Test
        void namesInAList() {
            assertThat(tags("Kenya's coffee exports rise", "NAIROBI",
                    "NAIROBI - Kenya's coffee exports rose 12 percent. The country imports fertiliser from Morocco and Tunisia."))
                    .containsEntry("MA", CountryRole.MENTIONED).containsEntry("TN", CountryRole.MENTIONED);
        }

        @Test
        void aCityOfAnotherCountryNamedWithItsProvinceOrState() {
            Map<String, CountryRole> tags = tags("Trade fair opens in Kenya", "NAIROBI",
                    "NAIROBI - A trade fair opened on Monday. Exhibitors came from Guangzhou, Guangdong, and from "
                            + "Porto Alegre, Rio Grande do Sul.");
            assertThat(tags).containsEntry("CN", CountryRole.MENTIONED).containsEntry("BR", CountryRole.MENTIONED);
        }

        @Test
        void aCapitalUsedForItsGovernment() {
            assertThat(tags("Kenya signs port deal", "NAIROBI",
                    "NAIROBI - Kenya signed a port deal on Monday. Beijing would finance half of the project, while "
                            + "Washington said it was studying the terms."))
                    .containsEntry("CN", CountryRole.MENTIONED).containsEntry("US", CountryRole.MENTIONED);
        }

        @Test
        void aDemonym() {
            assertThat(tags("Kenya opens new railway", "NAIROBI",
                    "NAIROBI - Kenya opened a railway line on Monday. Chinese engineers built it with Ethiopian technicians."))
                    .containsEntry("CN", CountryRole.MENTIONED).containsEntry("ET", CountryRole.MENTIONED);
        }

        @Test
        void localGovernmentImpliesItsCountryAndReadsItsTownsThere() {
            String body = "Alexandria woman charged in connection with Kelleyland fire. Chiquita Henry, 19, of Alexandria, "
                    + "was arrested. Both the Sheriff's Office and Rapides Parish Fire District 2 investigated the fire.";
            Map<String, CountryRole> tags = tags(null, null, body);
            assertThat(tags).containsKey("US").doesNotContainKey("EG");
            assertThat(evidenceOf("US", null, null, body)).contains("implied by a sheriff's office", "Rapides Parish");
        }

        @Test
        void aStoryThatNamesNoCountryButItsCouncilAndMayorIsLocal() {
            assertThat(tags("Water main breaks in downtown Pineville", null,
                    "The City Council will meet on Monday, Mayor Clarence Fields said, after a valve blew on Lakeview Street."))
                    .containsKey("US");
            // the same words in a story that names its own country imply nothing else
            assertThat(tags("Edmonton council approves budget", "EDMONTON",
                    "EDMONTON, Alberta - The city council approved the budget, the mayor said on Tuesday."))
                    .containsKey("CA").doesNotContainKey("US");
        }
    }

    @Nested
    class AmbiguousNames {
        @Test
        void georgiaTheCountryOrTheState() {
            assertThat(tags("Protests in Tbilisi", "TBILISI",
                    "TBILISI - Thousands protested in Georgia's capital on Sunday. Moscow called the protests a provocation."))
                    .containsEntry("GE", CountryRole.FOCUS).containsEntry("RU", CountryRole.MENTIONED).doesNotContainKey("US");
            assertThat(tags("Storms hit Atlanta", "ATLANTA", "ATLANTA - Storms swept across Georgia on Sunday, the governor said."))
                    .containsKey("US").doesNotContainKey("GE");
        }

        @Test
        void jordanTheCountryNotThePlayerOrTheSchool() {
            assertThat(tags("Refugees cross into Jordan", "BEIRUT",
                    "BEIRUT - Syrian refugees crossed into Jordan this week, the UN said."))
                    .containsKeys("JO", "LB", "SY");
            assertThat(tags("Bulls honour a legend", "CHICAGO", "CHICAGO - Michael Jordan watched from the stands."))
                    .doesNotContainKey("JO");
            assertThat(tags("Jordan Elementary gets a reward", null,
                    "Jordan Elementary School Principal Stacy DeCorsey showed her students an oversized check."))
                    .doesNotContainKey("JO");
        }

        @Test
        void turkeyTheCountryNotTheBird() {
            assertThat(tags("Farmers raise turkey prices", "CHICAGO",
                    "CHICAGO - Farmers raised turkey prices ahead of Thanksgiving. Exports to Turkey were unchanged."))
                    .containsEntry("TR", CountryRole.MENTIONED);
            assertThat(tags("Farmers raise turkey prices", "CHICAGO", "CHICAGO - Farmers raised turkey prices ahead of Thanksgiving."))
                    .doesNotContainKey("TR");
        }

        @Test
        void chadTheCountryNotTheDrummer() {
            Map<String, CountryRole> tags = tags("Drummer joins band", "LOS ANGELES",
                    "LOS ANGELES - Drummer Chad Smith joined the band. Separately, Chad's army said it repelled an attack "
                            + "near N'Djamena by rebels based in Libya.");
            assertThat(tags).containsKeys("TD", "LY");
            assertThat(tags("Drummer joins band", "LOS ANGELES", "LOS ANGELES - Drummer Chad Smith joined the band on tour."))
                    .doesNotContainKey("TD");
        }

        @Test
        void nigerAndGuineaNotInsideLongerNames() {
            assertThat(tags("Oil spill in the Niger Delta", "LAGOS", "LAGOS - An oil spill hit the Niger Delta. Neighbouring Niger closed its border."))
                    .containsKeys("NG", "NE");
            assertThat(tags("Oil spill in the Niger Delta", "LAGOS", "LAGOS - An oil spill hit the Niger Delta on Monday."))
                    .doesNotContainKey("NE");
            assertThat(tags("Guinea holds vote", "CONAKRY",
                    "CONAKRY - Guinea voted on Sunday. Observers from Papua New Guinea and Equatorial Guinea attended."))
                    .containsKeys("GN", "PG", "GQ");
        }

        @Test
        void parisTexasIsInTheUnitedStates() {
            assertThat(tags("Tornado hits Paris, Texas", "DALLAS",
                    "DALLAS - A tornado hit Paris, Texas, on Monday. Mexico offered to send rescue teams."))
                    .containsKeys("US", "MX").doesNotContainKey("FR");
        }

        @Test
        void peoplesNamesAreNotPlaces() {
            assertThat(tags("Hotel heiress launches label", "NEW YORK",
                    "NEW YORK - Paris Hilton launched a label on Monday, made in Italy. Jordan Peterson spoke later."))
                    .containsOnlyKeys("US", "IT");
        }
    }
}
