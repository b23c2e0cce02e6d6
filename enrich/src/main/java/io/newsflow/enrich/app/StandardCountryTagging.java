package io.newsflow.enrich.app;

import io.newsflow.countries.CountryTagger;
import io.newsflow.countries.TagInput;
import io.newsflow.enrich.CountryTagging;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryTag;
import java.util.List;

/** The project's country tagger behind the topology's {@link CountryTagging} seam. */
public final class StandardCountryTagging implements CountryTagging {
    private final CountryTagger tagger;

    /** The tagger with its tuned defaults. */
    public StandardCountryTagging() {
        this.tagger = CountryTagger.standard();
    }

    /** The tagger with the service's mention and focus thresholds ({@code enrich.countries.*.min-score}). */
    public StandardCountryTagging(io.newsflow.enrich.EnrichConfig config) {
        this.tagger = CountryTagger.withWeights(config.countryWeights());
    }

    @Override
    public List<CountryTag> tag(Article a) {
        return tagger.tag(new TagInput(a.getId(), a.getHeadline(), a.getDateline(), a.getBody(), a.getDeclaredCountries()));
    }
}
