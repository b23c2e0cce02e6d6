package io.newsflow.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.schemas.config.BadInputException;
import io.newsflow.schemas.config.ServiceConfigFile;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.StandardCountryTagging;
import io.newsflow.enrich.replay.TrendingReplay;
import io.newsflow.enrich.trending.TrendingJson;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.TrendingList;
import io.newsflow.schemas.json.ArticleJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsflow replay FILE.jsonl [--at T]}: the enrich topology over article JSON lines, no Kafka. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Runs article JSON lines (the parse output) through the same enrichment code as the enrich "
                + "service (versions, stories, trending) and prints the ranked lists per region as JSON, as of the "
                + "last event time or --at."})
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "Article JSON lines (.gz too); '-' reads stdin.")
    String file;

    @Option(names = "--at", paramLabel = "ISO-8601", description = "Rank as of this time, e.g. 2026-03-03T12:00:00Z.")
    String at;

    @Option(names = "--config", paramLabel = "FILE", description = "Enrich properties (enrich.story.*, enrich.trending.*).")
    Path config;

    @Override
    public Integer call() throws IOException {
        Instant when = parseAt();
        // the file with the environment over it, as every service reads its settings
        EnrichConfig cfg = ServiceConfigFile.load("replay", config, EnrichConfig::fromProperties);
        try (TrendingReplay replay = new TrendingReplay(cfg, new StandardCountryTagging(cfg));
             BufferedReader in = open(file, "replay")) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                try {
                    replay.send(articleOf(line));
                } catch (RuntimeException e) {
                    throw new BadInputException("replay: " + file + " line " + n + ": " + e.getMessage());
                }
            }
            Instant asOf = when != null ? when : replay.lastEvent();
            Map<String, TrendingList> lists = replay.rank(asOf);
            System.out.println(TrendingJson.regions(asOf, lists).toString());
        }
        return 0;
    }

    /**
     * One line as an article: trending needs an id, a headline or body and a time (updated or created); the rest,
     * {@code format} included, may be absent.
     */
    public static Article articleOf(String line) {
        JsonNode node;
        try {
            node = ArticleJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Article a = ArticleJson.fromNode(node, "json");
        if (blank(a.getHeadline()) && blank(a.getBody())) {
            throw new IllegalArgumentException("article " + a.getId() + " has neither 'headline' nor 'body'");
        }
        if (a.getUpdated() == null && a.getCreated() == null) {
            throw new IllegalArgumentException("article " + a.getId() + " has no time: set 'updated' or 'created' (ISO-8601)");
        }
        return a;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private Instant parseAt() {
        if (at == null) return null;
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new BadInputException("replay: --at must be an ISO-8601 UTC time such as 2026-03-03T12:00:00Z, got '" + at + "'");
        }
    }

    /** Article JSON lines from a file ({@code .gz} too) or, for {@code -}, stdin. */
    public static BufferedReader open(String file, String command) throws IOException {
        if ("-".equals(file)) return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Path p = Path.of(file);
        if (!Files.isReadable(p)) throw new BadInputException(command + ": cannot read " + file);
        InputStream raw = Files.newInputStream(p);
        if (file.endsWith(".gz")) raw = new GZIPInputStream(raw);
        return new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
    }
}
