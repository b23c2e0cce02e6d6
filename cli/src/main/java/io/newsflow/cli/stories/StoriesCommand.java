package io.newsflow.cli.stories;

import io.newsflow.schemas.config.BadInputException;
import io.newsflow.cli.ClusterOptions;
import io.newsflow.schemas.config.ServiceConfigFile;
import io.newsflow.cli.replay.ReplayCommand;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.StandardCountryTagging;
import io.newsflow.enrich.replay.TrendingReplay;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.topics.TopicContract;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow stories score|largest}: how story clustering does, against known truth and on real text. */
@Command(name = "stories", mixinStandardHelpOptions = true,
        description = "Measures story clustering: 'score' against the events the generator knows, 'largest' lists the "
                + "largest stories an archive of article JSON lines forms, 'published' reads a running pipeline's "
                + "finished articles and names the stories that hold articles about another country.",
        subcommands = {StoriesCommand.Score.class, StoriesCommand.Largest.class, StoriesCommand.Published.class})
public final class StoriesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** The file with the environment over it, as every service reads its settings. */
    static EnrichConfig config(Path file) {
        return ServiceConfigFile.load("stories", file, EnrichConfig::fromProperties);
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = {"Runs the generator's traffic (the demo's) through ingest's parsers and the enrich topology, "
                    + "no broker, and scores the stories against the events the generator wrote: B-cubed precision "
                    + "and recall, stories that mix events, and the share of articles in a story about another country."})
    static final class Score implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--items", defaultValue = "10000", description = "Items per seed (default ${DEFAULT-VALUE}).")
        int items;

        @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "Generator seeds (default ${DEFAULT-VALUE}).")
        List<Long> seeds;

        @Option(names = "--rate", defaultValue = "20", description = "Items per second of event time, as the demo's --rate (default ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--show-mixed", defaultValue = "3", description = "Stories mixing events to list per seed (default ${DEFAULT-VALUE}).")
        int showMixed;

        @Option(names = "--show-foreign", defaultValue = "0", description = "Articles about another country than their story's to list per seed (default ${DEFAULT-VALUE}).")
        int showForeign;

        @Option(names = "--config", paramLabel = "FILE", description = "Enrich properties (enrich.story.*).")
        Path config;

        @Override
        public Integer call() {
            if (items < 1) throw new BadInputException("stories score: --items must be at least 1, got " + items);
            if (!(rate > 0)) throw new BadInputException("stories score: --rate must be above 0, got " + rate);
            PrintWriter out = spec.commandLine().getOut();
            EnrichConfig cfg = config(config);
            List<StoryScore.Assignment> all = new ArrayList<>();
            out.printf(Locale.ROOT, "%-6s %8s %7s %7s %9s %7s %7s %7s %8s%n", "seed", "articles", "events", "stories",
                    "precision", "recall", "f1", "mixed", "foreign");
            for (long seed : seeds) {
                List<StoryScore.Assignment> run = GeneratedStories.run(cfg, seed, items, rate);
                // ids of different seeds may coincide: keep them apart in the pooled score
                for (StoryScore.Assignment a : run) {
                    all.add(new StoryScore.Assignment(seed + "/" + a.articleId(), seed + "/" + a.event(),
                            seed + "/" + a.story(), a.focus()));
                }
                StoryScore.Result r = StoryScore.of(run);
                print(out, Long.toString(seed), r);
                for (StoryScore.Mixed m : r.mixed().subList(0, Math.min(showMixed, r.mixed().size()))) {
                    out.printf(Locale.ROOT, "         mixed: %s (%d articles): %s%n", m.story(), m.articles(),
                            String.join(", ", m.headlineEvents()));
                }
                for (StoryScore.Foreign f : r.foreign().subList(0, Math.min(showForeign, r.foreign().size()))) {
                    out.printf(Locale.ROOT, "         foreign: %s (event %s, about %s) in %s (about %s)%n", f.articleId(),
                            f.event(), f.focus(), f.story(), f.storyFocus());
                }
            }
            if (seeds.size() > 1) print(out, "all", StoryScore.of(all));
            out.flush();
            return 0;
        }

        private static void print(PrintWriter out, String label, StoryScore.Result r) {
            out.printf(Locale.ROOT, "%-6s %8d %7d %7d %9.4f %7.4f %7.4f %7d %7.2f%%%n", label, r.articles(), r.events(),
                    r.stories(), r.precision(), r.recall(), r.f1(), r.mixed().size(), 100 * r.foreignShare());
        }
    }

    @Command(name = "largest", mixinStandardHelpOptions = true,
            description = {"Runs article JSON lines (the parse output; .gz too) through the enrich topology, no broker, "
                    + "and lists the largest stories they form with their headlines, to check by eye that each is one event."})
    static final class Largest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "Article JSON lines (.gz too); '-' reads stdin.")
        String file;

        @Option(names = "--top", defaultValue = "10", description = "Stories to list (default ${DEFAULT-VALUE}).")
        int top;

        @Option(names = "--headlines", defaultValue = "6", description = "Headlines to show per story (default ${DEFAULT-VALUE}).")
        int headlines;

        @Option(names = "--config", paramLabel = "FILE", description = "Enrich properties (enrich.story.*).")
        Path config;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            EnrichConfig cfg = config(config);
            Map<String, String> storyOf = new HashMap<>();
            Map<String, String> headlineOf = new LinkedHashMap<>();
            int n = 0;
            try (TrendingReplay replay = new TrendingReplay(cfg, new StandardCountryTagging(cfg));
                 BufferedReader in = ReplayCommand.open(file, "stories largest")) {
                String line;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) continue;
                    List<EnrichedArticle> enriched;
                    try {
                        enriched = replay.enrich(ReplayCommand.articleOf(line));
                    } catch (RuntimeException e) {
                        throw new BadInputException("stories largest: " + file + " line " + n + ": " + e.getMessage());
                    }
                    for (EnrichedArticle e : enriched) {
                        storyOf.put(e.getArticle().getId(), e.getStoryId());
                        headlineOf.put(e.getArticle().getId(), e.getArticle().getHeadline());
                    }
                }
            }
            Map<String, List<String>> members = new HashMap<>();
            headlineOf.keySet().forEach(id -> members.computeIfAbsent(storyOf.get(id), s -> new ArrayList<>()).add(id));
            List<Map.Entry<String, List<String>>> stories = new ArrayList<>(members.entrySet());
            stories.sort(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> e.getValue().size()).reversed()
                    .thenComparing(Map.Entry::getKey));
            long multi = stories.stream().filter(e -> e.getValue().size() > 1).count();
            long inMulti = stories.stream().filter(e -> e.getValue().size() > 1).mapToLong(e -> e.getValue().size()).sum();
            out.printf(Locale.ROOT, "%d articles, %d stories, %d with more than one article (%d articles)%n",
                    headlineOf.size(), stories.size(), multi, inMulti);
            for (Map.Entry<String, List<String>> story : stories.subList(0, Math.min(top, stories.size()))) {
                out.printf(Locale.ROOT, "%4d  %s%n", story.getValue().size(), story.getKey());
                for (String id : story.getValue().subList(0, Math.min(headlines, story.getValue().size()))) {
                    out.printf(Locale.ROOT, "        %s  %s%n", id, headlineOf.get(id));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "published", mixinStandardHelpOptions = true,
            description = {"Reads the finished articles a running pipeline has published (the JSON topic, committed "
                    + "records, each article at its latest version) and reports the share of articles in stories of "
                    + "more than one article that are not about their story's main focus country, with the stories "
                    + "that hold most of them."})
    static final class Published implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClusterOptions cluster;

        @Option(names = "--show", defaultValue = "5", description = "Stories holding articles about another country to list (default ${DEFAULT-VALUE}).")
        int show;

        @Override
        public Integer call() {
            if (show < 0) throw new BadInputException("stories published: --show must be 0 or more, got " + show);
            String topic = cluster.contract("stories").name(TopicContract.Role.ARTICLES_JSON);
            Collection<PublishedStories.Article> articles;
            try {
                articles = PublishedStories.read(cluster.client("stories", "newsflow-stories"), topic, Duration.ofSeconds(60));
            } catch (IllegalStateException | KafkaException e) {
                throw new BadInputException("stories published: " + e.getMessage());
            }
            PublishedStories.Report r = PublishedStories.of(articles);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s: %d articles in %d stories; %d stories of more than one article hold %d articles, "
                            + "%d of them (%.2f%%) not about their story's main focus country%n", topic, r.articles(),
                    r.stories(), r.score().multiArticleStories(), r.score().articlesInMultiArticleStories(),
                    r.score().foreignArticles(), 100 * r.score().foreignShare());
            for (PublishedStories.Mixed m : r.mixed().subList(0, Math.min(show, r.mixed().size()))) {
                out.printf(Locale.ROOT, "%4d of %d about another country than %s  %s%n", m.foreign(), m.members().size(),
                        m.mainFocus(), m.story());
                for (PublishedStories.Article a : m.members()) {
                    out.printf(Locale.ROOT, "        %-7s %s  %s%n", String.join(",", a.focus()), a.id(), a.headline());
                }
            }
            out.flush();
            return 0;
        }
    }
}
