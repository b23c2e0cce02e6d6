package io.newsflow.benchmarks.enrich;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.PublicationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic wire traffic for the enrich benchmark: stories told by 1-4 agencies (each copy rewrites
 * some sentences), ~2 KB bodies mixing story-specific names with common newsroom sentences and country
 * mentions, spread over two days of event time; 3% unchanged re-sends and 3% new versions.
 */
final class WireDay {
    private static final String[] AGENCIES = {"Reuters", "AP", "AFP", "dpa", "ANSA", "EFE", "PA", "Kyodo"};
    private static final String[] COUNTRIES = {"RU", "TR", "DE", "FR", "US", "GB", "CN", "IN", "BR", "KE", "JP", "MX"};
    private static final String[] PLACES = {"Moscow", "Ankara", "Berlin", "Paris", "Washington", "London", "Beijing",
            "New Delhi", "Brasilia", "Nairobi", "Tokyo", "Mexico City"};
    private static final String[] COMMON = {
            "Officials said the measures would take effect next month after weeks of talks.",
            "A spokesman declined to comment on the report, citing continuing negotiations.",
            "The agency said the figures were preliminary and could be revised in coming weeks.",
            "Analysts polled before the release had forecast a smaller change.",
            "Workers at two plants voted to strike over pay, a union leader told reporters.",
            "The ministry expects output to rise by about three percent this year, a statement said.",
            "Police said the investigation was continuing and appealed for witnesses."};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tas", "vo", "qui", "zel", "bar", "dun", "fe",
            "gor", "hal", "jin", "pra", "sel", "tor", "umi", "wex", "yan"};

    record Traffic(List<Article> articles, int expectedPasses) {}

    static int lastStoryCount;

    static Traffic generate(int count, long seed) {
        Random r = new Random(seed);
        List<Article> out = new ArrayList<>(count);
        List<Article> published = new ArrayList<>();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        long spanMs = 48L * 3600_000;
        int passes = 0;
        int story = 0;
        while (out.size() < count) {
            story++;
            int copies = 1 + r.nextInt(4);
            int country = r.nextInt(COUNTRIES.length);
            String[] names = new String[12];
            for (int i = 0; i < names.length; i++) names[i] = word(r);
            long storyTime = start.toEpochMilli() + (long) ((double) out.size() / count * spanMs);
            for (int c = 0; c < copies && out.size() < count; c++) {
                long t = storyTime + r.nextInt(1_800_000);
                Article a = copy("s" + story + "-" + AGENCIES[c], AGENCIES[(story + c) % AGENCIES.length], names,
                        PLACES[country], COUNTRIES[country], t, r);
                out.add(a);
                published.add(a);
                passes++;
                if (out.size() < count && r.nextInt(100) < 3) { // an unchanged re-send: dropped
                    out.add(published.get(r.nextInt(published.size())));
                }
                if (out.size() < count && r.nextInt(100) < 3) { // a new version: passes
                    Article old = published.get(r.nextInt(published.size()));
                    long v = old.getVersion() + 1;
                    Article nv = Article.newBuilder(old).setVersion(v)
                            .setUpdated(old.getUpdated().plusSeconds(600))
                            .setBody(old.getBody() + "\n\nUpdated with new details, version " + v + ".").build();
                    published.set(published.indexOf(old), nv);
                    out.add(nv);
                    passes++;
                }
            }
        }
        lastStoryCount = story;
        return new Traffic(out, passes);
    }

    private static Article copy(String id, String agency, String[] names, String place, String code, long t, Random r) {
        StringBuilder body = new StringBuilder(2400);
        body.append(place.toUpperCase()).append(" - ");
        while (body.length() < 2000) {
            if (r.nextInt(10) == 0) {
                body.append(COMMON[r.nextInt(COMMON.length)]).append(' ');
            } else {
                body.append(cap(names[r.nextInt(names.length)])).append(' ').append(names[r.nextInt(names.length)])
                        .append(" said in ").append(place).append(" that ").append(names[r.nextInt(names.length)])
                        .append(' ').append(100 + names[r.nextInt(3)].length() * 37).append(" people were affected. ");
            }
            if (r.nextInt(6) == 0) body.append("\n\n");
        }
        String headline = cap(names[0]) + " " + names[1] + " " + names[2] + " in " + place;
        Instant at = Instant.ofEpochMilli(t);
        return Article.newBuilder().setId(id).setVersion(1L).setFormat("ninjs").setSource(agency)
                .setHeadline(headline).setBody(body.toString()).setDateline(place.toUpperCase()).setLanguage("en")
                .setCreated(at).setUpdated(at).setDeclaredCountries(List.of(code)).setKeywords(List.of())
                .setStatus(PublicationStatus.USABLE).setFeed(agency.toLowerCase()).setReceivedAt(at).build();
    }

    private static String word(Random r) {
        StringBuilder w = new StringBuilder();
        int n = 3 + r.nextInt(3);
        for (int i = 0; i < n; i++) w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        return w.toString();
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
