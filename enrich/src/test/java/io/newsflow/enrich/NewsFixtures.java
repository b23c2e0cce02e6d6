package io.newsflow.enrich;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.PublicationStatus;
import java.time.Instant;
import java.util.List;

/** Hand-written wire copy: one story told by three agencies, plus stories that only share a country or words. */
public final class NewsFixtures {
    private NewsFixtures() {}

    public record Copy(String headline, String summary, String body, String dateline) {}

    public static final Copy QUAKE_WIRE_A = new Copy(
            "Magnitude 6.8 earthquake strikes eastern Turkey, dozens killed",
            "A strong earthquake hit Malatya province in eastern Turkey early on Tuesday, killing at least 41 people.",
            "ANKARA - A magnitude 6.8 earthquake struck Malatya province in eastern Turkey before dawn on Tuesday, "
                    + "killing at least 41 people and collapsing dozens of buildings, the disaster agency AFAD said.\n\n"
                    + "The quake hit at 04:17 local time at a depth of 10 km near the town of Puturge, AFAD said. "
                    + "Rescuers were searching the rubble of apartment blocks in Malatya city, where residents "
                    + "spent the night outside in freezing temperatures.\n\n"
                    + "Interior Minister Ali Yerlikaya said 312 people were injured and 2,400 rescue workers had been sent.",
            "ANKARA");
    public static final Copy QUAKE_WIRE_B = new Copy(
            "Strong quake kills at least 41 in Turkey's Malatya province",
            "Rescuers dig through collapsed buildings after the 6.8 magnitude tremor near Puturge.",
            "MALATYA, Turkey - Rescue teams dug through collapsed apartment blocks in Malatya on Tuesday after a "
                    + "6.8 magnitude earthquake killed at least 41 people in eastern Turkey, officials said.\n\n"
                    + "The tremor struck near Puturge at 04:17 at a shallow depth of 10 km, according to the AFAD "
                    + "disaster agency. Interior Minister Ali Yerlikaya said 312 people were hurt and 2,400 rescue "
                    + "workers were deployed to the province.\n\nMany residents slept outside in freezing temperatures.",
            "MALATYA, Turkey");
    public static final Copy QUAKE_WIRE_C = new Copy(
            "Turkey earthquake: death toll climbs to 41 as rescuers search rubble in Malatya",
            null,
            "Rescuers searched the rubble of collapsed buildings in Malatya on Tuesday as the death toll from a "
                    + "magnitude 6.8 earthquake in eastern Turkey rose to 41, with 312 injured.\n\n"
                    + "The quake struck at 04:17 near Puturge, 10 km deep, AFAD said. Minister Ali Yerlikaya "
                    + "said 2,400 rescue workers were in the province, where residents spent a freezing night outdoors.",
            "MALATYA");

    public static final Copy TURKEY_RATES = new Copy(
            "Turkey's central bank raises interest rate to 50% to fight inflation",
            "The central bank lifted its key rate by 500 basis points, more than economists expected.",
            "ANKARA - Turkey's central bank raised its one-week repo rate to 50% from 45% on Thursday, "
                    + "surprising economists who had expected a pause, as it tries to bring down inflation of 67%.\n\n"
                    + "Governor Fatih Karahan said tight monetary policy would be kept until a significant and sustained "
                    + "decline in the underlying trend of monthly inflation was seen. The lira firmed slightly after the decision.",
            "ANKARA");
    public static final Copy RUSSIA_RATES = new Copy(
            "Russia's central bank holds key rate at 16% as inflation slows",
            "The Bank of Russia kept borrowing costs unchanged and signalled cuts could come later this year.",
            "MOSCOW - The Bank of Russia held its key interest rate at 16% on Friday, saying inflation was slowing "
                    + "but remained high, and signalled that it could start cutting borrowing costs in the second half.\n\n"
                    + "Governor Elvira Nabiullina told reporters that the economy was overheating less than in the autumn. "
                    + "Analysts polled beforehand had unanimously expected the central bank to keep the rate on hold.",
            "MOSCOW");
    public static final Copy RUSSIA_COURT = new Copy(
            "Russian court jails journalist for six years over social media posts",
            null,
            "MOSCOW - A court in Moscow sentenced journalist Pavel Orlov to six years in a penal colony on Wednesday "
                    + "for spreading what prosecutors called false information about the army in posts on Telegram.\n\n"
                    + "Orlov, who worked for an independent regional newspaper in Kaluga, denied the charges and said he "
                    + "would appeal. Press freedom groups condemned the verdict.",
            "MOSCOW");
    public static final Copy RUSSIA_MARATHON = new Copy(
            "Moscow marathon draws record 30,000 runners",
            null,
            "MOSCOW - A record 30,000 runners took part in the Moscow marathon on Sunday, organisers said, with "
                    + "Kenyan athlete Daniel Kiprop winning the men's race in 2 hours 9 minutes.\n\n"
                    + "The route passed the Kremlin, Luzhniki stadium and the Garden Ring, which was closed to traffic "
                    + "for most of the day. Temperatures stayed cool, helping runners.",
            "MOSCOW");

    /** Filler stories: each its own vocabulary (pseudo-words seeded by n), for background traffic. */
    public static Copy filler(int n) {
        java.util.Random r = new java.util.Random(n * 7919L + 17);
        String[] syllables = {"ka", "lo", "mi", "ren", "tas", "vo", "qui", "zel", "bar", "dun", "fe", "gor", "hal", "jin", "pra"};
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < 60; w++) {
            int len = 2 + r.nextInt(3);
            for (int k = 0; k < len; k++) body.append(syllables[r.nextInt(syllables.length)]);
            body.append(w % 12 == 11 ? ".\n\n" : " ");
        }
        String text = body.toString();
        return new Copy(text.substring(0, text.indexOf(' ', 30)), null, text, null);
    }

    public static Article article(String id, String source, Copy copy, Instant at, List<String> countries) {
        return Article.newBuilder()
                .setId(id).setVersion(1L).setFormat("ninjs").setSource(source)
                .setHeadline(copy.headline()).setSummary(copy.summary()).setBody(copy.body())
                .setDateline(copy.dateline()).setLanguage("en")
                .setCreated(at).setUpdated(at)
                .setDeclaredCountries(countries).setKeywords(List.of())
                .setStatus(PublicationStatus.USABLE).setFeed(source).setReceivedAt(at)
                .build();
    }
}
