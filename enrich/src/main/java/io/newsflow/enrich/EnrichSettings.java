package io.newsflow.enrich;

import io.newsflow.countries.Weights;
import io.newsflow.enrich.stories.StorySettings;
import io.newsflow.enrich.trending.TrendingSettings;
import io.newsflow.schemas.config.Setting;
import java.time.Duration;
import java.util.List;

/**
 * Enrich's own settings, each declared once (the shared ones are in CommonSettings and TopicContract); the defaults of
 * the story and trending settings are those of {@link StorySettings#defaults()} and {@link TrendingSettings#defaults()}.
 */
public final class EnrichSettings {
    private static final StorySettings S = StorySettings.defaults();
    private static final TrendingSettings T = TrendingSettings.defaults();

    public static final Setting<String> APPLICATION_ID = Setting.string("application.id", EnrichConfig.DEFAULT_APPLICATION_ID,
            "Kafka Streams application (group, internal topics)").example("enrich-2");
    public static final Setting<String> STATE_DIR = Setting.string("enrich.state.dir",
            System.getProperty("java.io.tmpdir") + "/newsflow-enrich", "Kafka Streams state")
            .documentedDefault("$TMPDIR/newsflow-enrich").example("/var/lib/enrich");
    public static final Setting<String> INSTANCE_ID = Setting.string("enrich.instance.id", "",
            "stable member id: a restart takes its tasks back at once").documentedDefault("(none)").example("enrich-a");
    public static final Setting<String> HTTP_HOST = Setting.string("enrich.http.host", "127.0.0.1",
            "interface of /trending, /health, /metrics").example("0.0.0.0");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("enrich.http.port", 8090, "HTTP port; 0: any free one")
            .atLeast(0).example("9090");
    public static final Setting<Boolean> ENGAGEMENT = Setting.bool("enrich.engagement.enabled", true,
            "false: read no engagement topic (trending from articles alone)").example("false");
    public static final Setting<Duration> VERSIONS_RETENTION = Setting.duration("enrich.versions.retention",
            Duration.ofDays(7), "how long article versions are remembered").positive().example("P1D");
    public static final Setting<Double> MENTION_MIN = Setting.decimal("enrich.countries.mention.min-score",
            Weights.defaults().mentionMin(), "raw weight a country needs to be listed as mentioned").example("1.5");
    public static final Setting<Double> FOCUS_MIN = Setting.decimal("enrich.countries.focus.min-score",
            Weights.defaults().focusMin(), "raw weight a country needs to be the focus").example("3");

    public static final Setting<Duration> STORY_WINDOW = Setting.duration("enrich.story.window", S.window(),
            "how far back a story can be joined").positive().example("PT6H");
    public static final Setting<Double> STORY_SIMILARITY = Setting.decimal("enrich.story.similarity",
            S.similarityThreshold(), "least similarity to join a story")
            .validate(v -> v > 0 && v < 1, "above 0 and below 1").example("0.77");
    public static final Setting<Integer> STORY_BODY_CHARS = Setting.integer("enrich.story.body-chars", S.bodyChars(),
            "body characters fingerprinted").atLeast(0).example("123");
    public static final Setting<Integer> STORY_FINGERPRINTS = Setting.integer("enrich.story.fingerprints",
            S.fingerprintsPerStory(), "fingerprints kept per story").atLeast(1).example("7");
    public static final Setting<Double> STORY_SPECIFICS = Setting.decimal("enrich.story.specifics-similarity",
            S.specificsThreshold(), "least similarity of names and figures to join a story").between(0, 1).example("0.55");
    /** Its default is bounded by the window when only the window is set shorter (see {@link EnrichConfig}). */
    public static final Setting<Duration> STORY_GAP = Setting.duration("enrich.story.gap", S.gap(),
            "how long after a story's latest article a new one starts another story (at most the window)")
            .positive().example("PT5H");

    public static final Setting<Duration> HALF_LIFE_FAST = Setting.duration("enrich.trending.half-life.fast",
            T.fastHalfLife(), "fast decay").positive().example("PT7M");
    public static final Setting<Duration> HALF_LIFE_SLOW = Setting.duration("enrich.trending.half-life.slow",
            T.slowHalfLife(), "slow decay").positive().example("PT7H");
    public static final Setting<Duration> LATENESS = Setting.duration("enrich.trending.lateness", T.lateness(),
            "how late an event may come").example("PT7M");
    public static final Setting<Double> REPEAT_WEIGHT = Setting.decimal("enrich.trending.repeat-weight",
            T.repeatWeight(), "weight of a repeat").between(0, 1).example("0.123");
    public static final Setting<Integer> TOP = Setting.integer("enrich.trending.top", T.topN(), "stories per ranked list")
            .atLeast(1).example("7");
    public static final Setting<Double> MIN_SCORE = Setting.decimal("enrich.trending.min-score", T.minScore(),
            "least score to be listed").example("0.123");
    public static final Setting<Duration> EMIT_INTERVAL = Setting.duration("enrich.trending.emit-interval",
            T.emitInterval(), "how often lists are published").positive().example("PT7S");
    public static final Setting<Integer> MAX_MEMBERS = Setting.integer("enrich.trending.max-members", T.maxMembers(),
            "articles remembered per story").atLeast(1).example("7");

    public static final Setting<Integer> COMMIT_INTERVAL_MS = Setting.integer("enrich.commit.interval.ms",
            EnrichConfig.DEFAULT_COMMIT_INTERVAL_MS,
            "how often a quiet stream thread commits its transaction (output visible then); longer: fewer log writes")
            .atLeast(0).example("500");
    public static final Setting<Integer> COMMIT_MAX_RECORDS = Setting.integer("enrich.commit.max.records",
            EnrichConfig.DEFAULT_COMMIT_MAX_RECORDS,
            "records a stream thread takes before it is busy and asks for a commit sooner than the interval")
            .atLeast(1).example("20");
    public static final Setting<Integer> COMMIT_BUSY_INTERVAL_MS = Setting.integer("enrich.commit.busy.interval.ms",
            EnrichConfig.DEFAULT_COMMIT_BUSY_INTERVAL_MS, "how often a busy stream thread commits (its latency at high rates)")
            .atLeast(0).example("50");
    public static final Setting<Integer> THREAD_REPLACEMENTS_MAX = Setting.integer("enrich.thread.replacements.max", 3,
            "stream threads replaced before the service exits").atLeast(0).example("5");
    public static final Setting<Duration> THREAD_REPLACEMENTS_WINDOW = Setting.duration("enrich.thread.replacements.window",
            Duration.ofMinutes(10), "window of that count").positive().example("PT1H");

    /** Every setting of enrich, in the reference's order. */
    public static final List<Setting<?>> SETTINGS = List.of(APPLICATION_ID, MENTION_MIN, FOCUS_MIN, STATE_DIR, INSTANCE_ID,
            HTTP_HOST, HTTP_PORT, ENGAGEMENT, VERSIONS_RETENTION, STORY_WINDOW, STORY_SIMILARITY, STORY_BODY_CHARS,
            STORY_FINGERPRINTS, STORY_SPECIFICS, STORY_GAP, HALF_LIFE_FAST, HALF_LIFE_SLOW, LATENESS, REPEAT_WEIGHT, TOP,
            MIN_SCORE, EMIT_INTERVAL, MAX_MEMBERS, COMMIT_INTERVAL_MS, COMMIT_MAX_RECORDS, COMMIT_BUSY_INTERVAL_MS,
            THREAD_REPLACEMENTS_MAX, THREAD_REPLACEMENTS_WINDOW);

    private EnrichSettings() {}
}
