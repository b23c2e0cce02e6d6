package io.newsflow.generator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The content of the generated traffic, deterministic for a seed and the times it is asked at: stories break in
 * many countries, several agencies rewrite each one (own headline, lede and fact order, shared facts), items get
 * updated (same id, version + 1), a few are withdrawn, and a few bodies are broken JSON or XML.
 * Not thread-safe: one sender thread asks for items.
 */
public final class WireTrafficModel {
    /** Share of items that are broken on purpose (ingest must refuse them and keep going). */
    static final double MALFORMED_SHARE = 0.02;
    static final double WITHDRAWAL_SHARE = 0.01;
    static final double UPDATE_SHARE = 0.12;
    /** Of new items, the share that is another agency's take on a story already out (the rest break new stories). */
    static final double REWRITE_SHARE = 0.65;
    private static final int ACTIVE_STORIES = 40;
    private static final int REMEMBERED_ITEMS = 2_000;

    private final Random random;
    private final WireFormatter formatter = new WireFormatter();
    private final List<ActiveStory> stories = new ArrayList<>();
    private final List<SentItem> sent = new ArrayList<>();
    private long storySeq;

    private final String storyPrefix;

    public WireTrafficModel(long seed) {
        this(seed, "");
    }

    /** @param storyPrefix put before every story key (and so every item id): separate runs never share an id */
    public WireTrafficModel(long seed, String storyPrefix) {
        this.random = new Random(seed);
        this.storyPrefix = storyPrefix;
    }

    /** {@code n} items of one seed, 100 ms apart from {@code start}: a fixed sample for tests and evaluations. */
    public static List<WireItem> generate(long seed, int n, Instant start) {
        WireTrafficModel model = new WireTrafficModel(seed);
        List<WireItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(model.next(start.plusMillis(i * 100L)));
        }
        return items;
    }

    public WireItem next(Instant now) {
        double roll = random.nextDouble();
        if (roll < MALFORMED_SHARE) {
            return malformed(now);
        }
        roll -= MALFORMED_SHARE;
        if (roll < WITHDRAWAL_SHARE) {
            SentItem target = pickSent(true);
            if (target != null) {
                return withdrawal(target, now);
            }
        }
        roll -= WITHDRAWAL_SHARE;
        if (roll < UPDATE_SHARE) {
            SentItem target = pickSent(false);
            if (target != null) {
                return update(target, now);
            }
        }
        return fresh(now);
    }

    private WireItem fresh(Instant now) {
        ActiveStory story = random.nextDouble() < REWRITE_SHARE ? pickStoryWithUncoveredAgency() : null;
        if (story == null) {
            story = breakStory(now);
        }
        List<Agency> uncovered = new ArrayList<>();
        for (Agency a : Agency.ALL) {
            if (!story.coveredBy.contains(a)) {
                uncovered.add(a);
            }
        }
        Agency agency = uncovered.get(random.nextInt(uncovered.size()));
        story.coveredBy.add(agency);
        String itemId = itemId(agency, story.story);
        SentItem item = new SentItem(agency, story.story, itemId, 1, now);
        remember(item);
        return item(WireItem.Kind.NEW, item, WireFormatter.Status.USABLE, now);
    }

    private WireItem update(SentItem target, Instant now) {
        target.version++;
        return item(WireItem.Kind.UPDATE, target, WireFormatter.Status.USABLE, now);
    }

    private WireItem withdrawal(SentItem target, Instant now) {
        target.version++;
        target.withdrawn = true;
        return item(WireItem.Kind.WITHDRAWAL, target, WireFormatter.Status.WITHDRAWN, now);
    }

    private WireItem item(WireItem.Kind kind, SentItem s, WireFormatter.Status status, Instant now) {
        Story.Copy copy = s.story.copy(s.agency, s.version);
        byte[] body = formatter.format(s.agency, s.story, s.itemId, s.version, copy, status, s.created, now);
        return new WireItem(kind, s.agency.format(), s.agency.name(), s.story.key(), s.itemId, s.version,
                s.story.place().code(), s.agency.format().contentType(), body);
    }

    /** A well-formed item cut short or corrupted: what a broken upstream sends. */
    private WireItem malformed(Instant now) {
        Agency agency = Agency.ALL.get(random.nextInt(Agency.ALL.size()));
        ActiveStory story = stories.isEmpty() ? breakStory(now) : stories.get(random.nextInt(stories.size()));
        Story.Copy copy = story.story.copy(agency, 1);
        String good = new String(formatter.format(agency, story.story, itemId(agency, story.story) + "-bad", 1, copy,
                WireFormatter.Status.USABLE, now, now), StandardCharsets.UTF_8);
        String bad = switch (random.nextInt(3)) {
            case 0 -> good.substring(0, good.length() / 2 + random.nextInt(good.length() / 3)); // truncated
            case 1 -> agency.format() == WireFormat.NINJS
                    ? good.replaceFirst("\",\"", "\" \"")                                       // missing comma
                    : good.replaceFirst("</headline>|</title>", "</headlin>");                   // mismatched tag
            default -> agency.format() == WireFormat.NINJS
                    ? "{\"uri\": \"" + agency.uriBase() + "broken\", \"headlines\": [ {\"value\": \"Unterminated"
                    // an XML external entity: ingest must refuse it, never resolve it
                    : "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                    + good.substring(good.indexOf('\n') + 1).replaceFirst("<headline>|<title>", "$0&e;");
        };
        return new WireItem(WireItem.Kind.MALFORMED, agency.format(), agency.name(), story.story.key(), null, 1,
                story.story.place().code(), agency.format().contentType(), bad.getBytes(StandardCharsets.UTF_8));
    }

    private ActiveStory breakStory(Instant now) {
        StoryKind kind = StoryKind.ALL.get(random.nextInt(StoryKind.ALL.size()));
        Place place = Place.ALL.get(random.nextInt(Place.ALL.size()));
        Place other;
        do {
            other = Place.ALL.get(random.nextInt(Place.ALL.size()));
        } while (other == place);
        String number = kind.figure().draw(random);
        Story story = new Story(storyPrefix + String.format("%s-%s-%05d", kind.slug(), place.code().toLowerCase(),
                ++storySeq),
                kind, place, other, number, Story.personFor(random.nextInt(1000)), random.nextBoolean(), now,
                StoryDetails.generate(random));
        ActiveStory active = new ActiveStory(story);
        stories.add(active);
        if (stories.size() > ACTIVE_STORIES) {
            stories.remove(0); // the oldest story stops getting new takes
        }
        return active;
    }

    private ActiveStory pickStoryWithUncoveredAgency() {
        // recent stories get rewritten most: wires follow breaking news
        for (int attempt = 0; attempt < 4 && !stories.isEmpty(); attempt++) {
            int from = Math.max(0, stories.size() - 10);
            ActiveStory s = stories.get(from + random.nextInt(stories.size() - from));
            if (s.coveredBy.size() < Agency.ALL.size()) {
                return s;
            }
        }
        return null;
    }

    /** A live item to update, or one that can be withdrawn (RSS has no kill notices). */
    private SentItem pickSent(boolean forWithdrawal) {
        for (int attempt = 0; attempt < 5 && !sent.isEmpty(); attempt++) {
            SentItem s = sent.get(random.nextInt(sent.size()));
            boolean ok = !s.withdrawn && !(forWithdrawal && s.agency.format() == WireFormat.RSS);
            if (ok) {
                return s;
            }
        }
        return null;
    }

    private void remember(SentItem item) {
        sent.add(item);
        if (sent.size() > REMEMBERED_ITEMS) {
            sent.remove(0);
        }
    }

    private static String itemId(Agency agency, Story story) {
        return agency.uriBase() + story.key() + "-" + agency.code().toLowerCase();
    }

    private static final class ActiveStory {
        final Story story;
        final List<Agency> coveredBy = new ArrayList<>();

        ActiveStory(Story story) {
            this.story = story;
        }
    }

    private static final class SentItem {
        final Agency agency;
        final Story story;
        final String itemId;
        final Instant created;
        int version;
        boolean withdrawn;

        SentItem(Agency agency, Story story, String itemId, int version, Instant created) {
            this.agency = agency;
            this.story = story;
            this.itemId = itemId;
            this.version = version;
            this.created = created;
        }
    }
}
