package io.newsflow.enrich.app;

import io.newsflow.countries.CountryTagger;
import io.newsflow.countries.TagInput;
import io.newsflow.enrich.CountryTagging;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryTag;
import java.util.List;

/** The project's country tagger behind the topology's {@link CountryTagging} seam. */
public final class StandardCountryTagging implements CountryTagging {
    private final CountryTagger tagger = CountryTagger.standard();

    @Override
    public List<CountryTag> tag(Article a) {
        return tagger.tag(new TagInput(a.getId(), a.getHeadline(), a.getDateline(), a.getBody(), a.getDeclaredCountries()));
    }
}
