package io.newsflow.ingest.suites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.ingest.support.Charsets;
import io.newsflow.ingest.support.Gzip;
import io.newsflow.ingest.support.Texts;
import io.newsflow.schemas.avro.Article;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Measures the feed parser on real captures. With an rss-parser style layout (input/NAME.ext and
 * output/NAME.json holding the expected items), counts expected items found (same link, else same
 * title, else same guid/id) and how many of those have the same title; for plain folders, prints items/errors per file.
 * Usage: FeedCapturesMain DIR... (each DIR either has input/ + output/ or is a folder of feeds)
 */
public final class FeedCapturesMain {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        ParserRegistry registry = ParserRegistry.defaults();
        for (String arg : args) {
            Path dir = Path.of(arg);
            if (Files.isDirectory(dir.resolve("input")) && Files.isDirectory(dir.resolve("output"))) {
                expected(registry, dir);
            } else {
                plain(registry, dir);
            }
        }
    }

    private static void expected(ParserRegistry registry, Path dir) throws Exception {
        int files = 0, filesFull = 0, expectedItems = 0, found = 0, sameTitle = 0, refusedFiles = 0;
        List<Path> inputs;
        try (Stream<Path> s = Files.list(dir.resolve("input"))) {
            inputs = s.sorted().toList();
        }
        for (Path in : inputs) {
            String base = in.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            Path out = dir.resolve("output").resolve(base + ".json");
            if (!Files.exists(out)) continue;
            JsonNode exp = MAPPER.readTree(Charsets.decode(Files.readAllBytes(out), null).text());
            JsonNode items = exp.path("feed").path("items");
            files++;
            List<Article> got;
            String refusal = null;
            try {
                ParseResult r = registry.parse(new Document(in.toString(), null, Gzip.maybeGunzip(Files.readAllBytes(in), 64 << 20)), null);
                got = r.articles();
                if (!r.errors().isEmpty()) refusal = r.errors().size() + " item errors, first: " + r.errors().get(0).describe(base);
            } catch (ParseException e) {
                got = List.of();
                refusal = e.getMessage();
                refusedFiles++;
            }
            int f = 0, t = 0;
            List<Article> pool = new ArrayList<>(got);
            for (JsonNode item : items) {
                String link = Texts.clean(item.path("link").asText(null));
                String title = Texts.clean(Texts.htmlToText(item.path("title").asText(null)));
                Article match = null;
                for (Article a : pool) {
                    if (link != null && link.equals(a.getUrl())) { match = a; break; }
                }
                if (match == null) {
                    for (Article a : pool) {
                        if (title != null && title.equals(a.getHeadline())) { match = a; break; }
                    }
                }
                String guid = Texts.clean(item.path("guid").asText(item.path("id").asText(null)));
                if (match == null && guid != null) {
                    for (Article a : pool) {
                        if (guid.equals(a.getId())) { match = a; break; }
                    }
                }
                if (match != null) {
                    pool.remove(match);
                    f++;
                    if (sameText(title, match.getHeadline())) t++;
                }
            }
            expectedItems += items.size();
            found += f;
            sameTitle += t;
            if (f == items.size()) filesFull++;
            System.out.printf("%-34s expected %4d  parsed %4d  matched %4d  same-title %4d%s%n", in.getFileName(), items.size(),
                    got.size(), f, t, refusal == null ? "" : "  [" + refusal + "]");
        }
        System.out.printf("TOTAL %s: files %d (all items matched in %d, refused %d), expected items %d, matched %d, same title %d%n",
                dir, files, filesFull, refusedFiles, expectedItems, found, sameTitle);
    }

    private static void plain(ParserRegistry registry, Path dir) throws Exception {
        List<Path> inputs;
        try (Stream<Path> s = Files.walk(dir)) {
            inputs = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().matches("(?i)(LICENSE|README.*|.*\\.md|.*\\.xsd)")).sorted().toList();
        }
        int ok = 0, refused = 0, items = 0, errors = 0;
        for (Path in : inputs) {
            try {
                ParseResult r = registry.parse(new Document(in.toString(), null, Gzip.maybeGunzip(Files.readAllBytes(in), 64 << 20)), null);
                ok++;
                items += r.articles().size();
                errors += r.errors().size();
                Article first = r.articles().isEmpty() ? null : r.articles().get(0);
                System.out.printf("%-44s %-6s items %4d  errors %2d  lang %-5s first: %s%n", in.getFileName(), r.format(), r.articles().size(),
                        r.errors().size(), first == null ? "-" : first.getLanguage(),
                        first == null ? "-" : abbreviate(first.getHeadline()));
                for (var e : r.errors()) System.out.println("    " + e.describe(in.getFileName().toString()));
            } catch (ParseException | IllegalArgumentException e) {
                refused++;
                System.out.printf("%-44s REFUSED %s%n", in.getFileName(), e.getMessage());
            }
        }
        System.out.printf("TOTAL %s: files %d parsed, %d refused; %d items, %d item errors%n", dir, ok, refused, items, errors);
    }

    /** Equal, where U+FFFD in the expected text (a byte the expected-output parser could not decode) matches any one character. */
    static boolean sameText(String expected, String got) {
        if (Objects.equals(expected, got)) return true;
        if (expected == null || got == null || expected.indexOf('\uFFFD') < 0) return false;
        String regex = java.util.regex.Pattern.quote(expected).replace("\uFFFD", "\\E.{1,2}\\Q");
        return got.matches(regex);
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
