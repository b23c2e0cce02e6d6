package io.newsflow.countries;

import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CountryTaggerTest {

    private static final CountryTagger TAGGER = CountryTagger.standard();
    /** Everything with evidence, however weak, to check readings rather than thresholds. */
    private static final CountryTagger ALL = CountryTagger.withWeights(Weights.defaults().withMentionMin(0));

    private static List<String> codes(CountryTagger tagger, String headline, String dateline, String body) {
        return tagger.tag(TagInput.of(headline, dateline, body)).stream().map(CountryTag::getCode).toList();
    }

    private static List<String> all(String body) {
        return codes(ALL, null, null, body);
    }

    private static Map<String, CountryRole> roles(String headline, String dateline, String body) {
        return TAGGER.tag(TagInput.of(headline, dateline, body)).stream()
                .collect(Collectors.toMap(CountryTag::getCode, CountryTag::getRole));
    }

    @Nested
    class Georgia {
        @Test
        void isTheUsStateNextToAtlanta() {
            assertThat(all("Storms hit Georgia overnight and flights out of Atlanta were cancelled."))
                    .contains("US").doesNotContain("GE");
        }

        @Test
        void isTheCountryNextToTbilisi() {
            assertThat(all("Protesters gathered in Tbilisi as Georgia prepared for the vote."))
                    .contains("GE").doesNotContain("US");
        }

        @Test
        void isTheCountryWhenTheStoryIsAboutTheCaucasusEvenInAUsDateline() {
            assertThat(codes(ALL, "Georgian leader meets envoys", "WASHINGTON", "Georgia wants closer ties with NATO, "
                    + "the Georgian prime minister said in Washington.")).contains("GE");
        }

        @Test
        void thePainterIsNoPlace() {
            assertThat(all("An exhibition of works by Georgia O'Keeffe opened on Friday.")).isEmpty();
        }
    }

    @Nested
    class Jordan {
        @Test
        void thePlayerIsNotTheKingdom() {
            assertThat(all("Michael Jordan scored 40 points last night.")).doesNotContain("JO");
            assertThat(all("Fans cheered as Jordan Peterson spoke.")).doesNotContain("JO");
        }

        @Test
        void theKingdomIsFound() {
            assertThat(all("Talks between Israel and Jordan resumed in Amman on Monday.")).contains("JO", "IL");
        }
    }

    @Nested
    class Turkey {
        @Test
        void theBirdInLowerCaseIsNotACountry() {
            assertThat(all("Families bought a frozen turkey and cranberry sauce for the holiday.")).isEmpty();
        }

        @Test
        void theCountryIsFound() {
            assertThat(all("Ankara said Turkey would host the summit.")).contains("TR");
        }

        @Test
        void aCapitalsHeadlineNeedsSupportFromTheStory() {
            assertThat(codes(ALL, "TURKEY PRICES SOAR BEFORE THANKSGIVING", null,
                    "Shoppers paid more for a whole turkey this year.")).doesNotContain("TR");
            assertThat(codes(ALL, "TURKEY BUYS WHEAT", null, "Turkey bought 200,000 tonnes of wheat.")).contains("TR");
        }
    }

    @Nested
    class Chad {
        @Test
        void theGivenNameIsNotTheCountry() {
            assertThat(all("Quarterback Chad Henne threw two touchdowns.")).doesNotContain("TD");
            assertThat(all("His brother Chad Smith runs the bakery.")).doesNotContain("TD");
        }

        @Test
        void theCountryIsFound() {
            assertThat(all("Rebels advanced on N'Djamena, the capital of Chad.")).contains("TD");
        }
    }

    @Nested
    class NigerAndNigeria {
        @Test
        void nigeriaIsNotNiger() {
            assertThat(all("Nigeria raised oil output.")).containsExactly("NG");
        }

        @Test
        void nigerIsNotNigeria() {
            assertThat(all("Niger held elections in Niamey.")).containsExactly("NE");
        }

        @Test
        void theNigerDeltaIsInNigeria() {
            assertThat(all("Militants attacked pipelines in the Niger Delta.")).containsExactly("NG");
        }

        @Test
        void demonymsAreTold() {
            assertThat(all("A Nigerien soldier and a Nigerian trader were hurt.")).containsExactlyInAnyOrder("NE", "NG");
        }
    }

    @Nested
    class Congos {
        @Test
        void fullNamesAreUnambiguous() {
            assertThat(all("The Democratic Republic of the Congo signed the deal.")).containsExactly("CD");
            assertThat(all("The Republic of the Congo signed the deal.")).containsExactly("CG");
            assertThat(all("Fighting in eastern DRC displaced thousands.")).containsExactly("CD");
        }

        @Test
        void bareCongoFollowsItsCapital() {
            assertThat(all("In Brazzaville, officials said Congo would export more oil.")).containsExactly("CG");
            assertThat(all("In Kinshasa, officials said Congo would export more cobalt.")).containsExactly("CD");
        }
    }

    @Nested
    class Guineas {
        @Test
        void eachGuineaIsItsOwnCountry() {
            assertThat(all("Guinea-Bissau held a vote.")).containsExactly("GW");
            assertThat(all("Equatorial Guinea pumps oil.")).containsExactly("GQ");
            assertThat(all("Papua New Guinea exports gold.")).containsExactly("PG");
            assertThat(all("Guinea mines bauxite near Conakry.")).containsExactly("GN");
        }

        @Test
        void guineaPigsAreNotGuinea() {
            assertThat(all("The school kept a guinea pig in class.")).isEmpty();
        }
    }

    @Nested
    class Dominicas {
        @Test
        void theRepublicIsNotTheIsland() {
            assertThat(all("The Dominican Republic cut sugar exports.")).containsExactly("DO");
            assertThat(all("Dominica was hit by the hurricane.")).containsExactly("DM");
        }

        @Test
        void dominicanMeansTheRepublic() {
            assertThat(all("A Dominican baseball player signed.")).containsExactly("DO");
        }
    }

    @Nested
    class ParisTexas {
        @Test
        void aPlaceFollowedByItsStateIsInThatState() {
            assertThat(all("The festival in Paris, Texas, drew record crowds.")).containsExactly("US");
            assertThat(all("A plant in Paris, Tex., will close.")).containsExactly("US");
        }

        @Test
        void aDatelineWithItsStateIsInThatState() {
            assertThat(codes(TAGGER, "Town fair opens", "PARIS, Texas, May 2 -", "The county fair opened.")).containsExactly("US");
        }

        @Test
        void aTownInAStoryThatOnlyNamesAnotherCountrysStatesIsTheNamesake() {
            assertThat(codes(ALL, "Tennessee county approves budget", null,
                    "The council in Paris approved the budget on Monday, Tennessee officials said."))
                    .contains("US").doesNotContain("FR");
        }

        @Test
        void parisAloneIsFrance() {
            assertThat(all("Paris hosted the summit.")).containsExactly("FR");
        }
    }

    @Nested
    class Datelines {
        @Test
        void theDatelineCountryLeadsOverPassingMentions() {
            List<CountryTag> tags = TAGGER.tag(TagInput.of("Exporters cut prices", "TOKYO, March 3 -",
                    "Exporters cut prices, traders said. Shipments to the U.S. slowed."));
            assertThat(tags.get(0).getCode()).isEqualTo("JP");
            assertThat(tags.get(0).getRole()).isEqualTo(CountryRole.FOCUS);
            assertThat(tags.get(0).getEvidence().get(0).getField()).isEqualTo("dateline");
        }

        @Test
        void aSmallTownDatelineUsesThePlaceList() {
            assertThat(codes(TAGGER, "Plant expands", "BOCA RATON, March 2 -", "The company said it will hire.")).containsExactly("US");
        }

        @Test
        void wireMarkersBeforeTheDatelineAreSkipped() {
            assertThat(codes(TAGGER, "Sugar traders busy", "****NEW YORK, March 25 -", "Traders were busy.")).containsExactly("US");
        }

        @Test
        void aDatelineAtTheStartOfTheBodyIsRead() {
            assertThat(codes(TAGGER, "Plant expands", null, "OTTAWA (Reuters) - The company said it will hire."))
                    .containsExactly("CA");
        }
    }

    @Nested
    class Surnames {
        @Test
        void aCityThatIsAPersonsSurnameIsNotACountry() {
            assertThat(all("Finance minister Carlos Lima said rates would rise.")).isEmpty();
            assertThat(all("Mr. Paris declined to comment.")).isEmpty();
            assertThat(all("Coach Tom Houston resigned.")).isEmpty();
        }

        @Test
        void theCityItselfStillCounts() {
            assertThat(all("Protests spread in Lima on Friday.")).containsExactly("PE");
        }
    }

    @Nested
    class KindsOfNames {
        @Test
        void abbreviations() {
            assertThat(all("The U.S. and UK backed the UAE plan.")).containsExactlyInAnyOrder("US", "GB", "AE");
        }

        @Test
        void usInLowerCaseIsAPronoun() {
            assertThat(all("Let us know.")).isEmpty();
        }

        @Test
        void metonyms() {
            assertThat(all("The Kremlin rejected the note, and the White House replied.")).containsExactlyInAnyOrder("RU", "US");
            assertThat(all("Downing Street said talks would go on.")).containsExactly("GB");
        }

        @Test
        void demonymsAndCapitals() {
            assertThat(all("Cuban officials met Russian envoys.")).containsExactlyInAnyOrder("CU", "RU");
            assertThat(all("Flights to Nairobi resumed.")).containsExactly("KE");
        }

        @Test
        void statesAndProvinces() {
            assertThat(all("Drought in Texas and Ontario hurt crops.")).containsExactlyInAnyOrder("US", "CA");
        }

        @Test
        void namesInOtherLanguagesFromIcu() {
            assertThat(all("Der Export nach Frankreich stieg.")).containsExactly("FR");
        }

        @Test
        void porcelainIsNotChina() {
            assertThat(all("She collected fine china and silver.")).isEmpty();
        }

        @Test
        void diacriticsAndLineBreaksDoNotMatter() {
            assertThat(all("Exports from São Paulo and New\nYork rose.")).containsExactlyInAnyOrder("BR", "US");
        }
    }

    @Nested
    class FocusAndScores {
        @Test
        void headlineAndLeadMakeFocusAPassingMentionDoesNot() {
            Map<String, CountryRole> r = roles("Brazil raises coffee export quota", null,
                    "Brazil raised its coffee export quota on Monday, officials in Brasilia said. The move follows "
                            + "talks in London. Brazilian growers welcomed it. Brazil is the top producer. "
                            + "Filler text about prices and markets that goes on for a while to leave the lead. "
                            + "Later in the story a single note mentions that Kenya and Colombia were not consulted, "
                            + "and that Colombia plans its own steps.");
            assertThat(r.get("BR")).isEqualTo(CountryRole.FOCUS);
            assertThat(r.get("CO")).isNotEqualTo(CountryRole.FOCUS);
            // a passing mention is still a mention: listed, never the focus
            assertThat(r).containsEntry("KE", CountryRole.MENTIONED);
        }

        @Test
        void resultsAreSortedByScore() {
            List<CountryTag> tags = ALL.tag(TagInput.of("Japan and Korea talk trade", "SEOUL",
                    "South Korean and Japanese officials met. China watched."));
            for (int i = 1; i < tags.size(); i++) {
                assertThat(tags.get(i - 1).getScore()).isGreaterThanOrEqualTo(tags.get(i).getScore());
            }
            assertThat(tags.get(0).getCode()).isEqualTo("KR");
        }

        @Test
        void declaredCountriesAreAlwaysFocus() {
            List<CountryTag> tags = TAGGER.tag(new TagInput("a1", "Markets", null, "Prices rose.", List.of("nz")));
            assertThat(tags).extracting(CountryTag::getCode).containsExactly("NZ");
            assertThat(tags.get(0).getRole()).isEqualTo(CountryRole.FOCUS);
            assertThat(tags.get(0).getEvidence().get(0).getField()).isEqualTo("declared");
        }

        @Test
        void evidenceOffsetsPointIntoTheField() {
            String body = "Officials in Canberra said Australia would act.";
            CountryTag au = ALL.tag(TagInput.of(null, null, body)).get(0);
            assertThat(au.getCode()).isEqualTo("AU");
            for (var e : au.getEvidence()) {
                assertThat(body.substring(e.getOffset(), e.getOffset() + e.getText().length())).isEqualTo(e.getText());
            }
        }

        @Test
        void emptyInputGivesNoCountries() {
            assertThat(TAGGER.tag(new TagInput(null, null, null, null, null))).isEmpty();
        }
    }

    @Test
    void isSafeToShareAcrossThreads() throws Exception {
        TagInput in = TagInput.of("Germany and France agree", "BERLIN", "Germany and France agreed in Berlin. Paris hailed it.");
        List<CountryTag> expected = TAGGER.tag(in);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger mismatches = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    if (!TAGGER.tag(in).equals(expected)) {
                        mismatches.incrementAndGet();
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(mismatches.get()).isZero();
        assertThat(expected).extracting(CountryTag::getCode).containsExactlyInAnyOrder("DE", "FR");
    }
}
