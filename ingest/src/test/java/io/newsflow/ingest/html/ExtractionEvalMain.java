package io.newsflow.ingest.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Runs the extractor over an evaluation set given on the command line and writes predictions in the
 * benchmark's shape ({@code {id: {"articleBody": text}}}) for an external scorer.
 *
 * <pre>
 * scrapinghub BENCHMARK_DIR PRED_JSON [--speed]  pages html/ID.html.gz, ids from BENCHMARK_DIR/ground-truth.json
 * readability TEST_PAGES_DIR GOLD_JSON PRED_JSON  each dir's source.html; gold = text of expected.html
 * show FILE...                                  prints what is extracted from each page (.html or .html.gz)
 * </pre>
 */
public final class ExtractionEvalMain {

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        HtmlArticleExtractor extractor = new HtmlArticleExtractor();
        if ((args.length == 3 || args.length == 4) && args[0].equals("scrapinghub")) {
            Path dir = Path.of(args[1]);
            JsonNode truth = json.readTree(dir.resolve("ground-truth.json").toFile());
            List<String> ids = new ArrayList<>();
            List<String> pages = new ArrayList<>();
            List<String> urls = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ids.add(e.getKey());
                urls.add(e.getValue().path("url").asText(null));
                pages.add(read(dir.resolve("html").resolve(e.getKey() + ".html.gz")));
            }
            ObjectNode pred = json.createObjectNode();
            long t0 = System.nanoTime();
            for (int i = 0; i < ids.size(); i++) {
                ExtractedArticle a = extractor.extract(pages.get(i), urls.get(i));
                pred.putObject(ids.get(i)).put("articleBody", a.body() == null ? "" : a.body());
            }
            report(ids.size(), t0);
            if (args.length == 4 && args[3].equals("--speed")) {
                speed(extractor, pages, urls);
            }
            json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[2]).toFile(), pred);
        } else if (args.length == 4 && args[0].equals("readability")) {
            ObjectNode gold = json.createObjectNode();
            ObjectNode pred = json.createObjectNode();
            long t0 = System.nanoTime();
            int n = 0;
            Agreement agreement = new Agreement();
            try (var dirs = Files.list(Path.of(args[1]))) {
                for (Path d : dirs.sorted().toList()) {
                    Path source = d.resolve("source.html");
                    Path expected = d.resolve("expected.html");
                    if (!Files.exists(source) || !Files.exists(expected)) {
                        continue;
                    }
                    String expectedText = PlainText.join(PlainText.paragraphs(
                            List.of(Jsoup.parse(Files.readString(expected)).body())));
                    gold.putObject(d.getFileName().toString()).put("articleBody", expectedText);
                    ExtractedArticle a = extractor.extract(Files.readString(source), "http://fakehost/test/page.html");
                    pred.putObject(d.getFileName().toString()).put("articleBody", a.body() == null ? "" : a.body());
                    n++;
                    Path meta = d.resolve("expected-metadata.json");
                    if (Files.exists(meta)) {
                        JsonNode m = json.readTree(meta.toFile());
                        agreement.compare("title", m.path("title").asText(null), a.headline());
                        agreement.compare("byline", m.path("byline").asText(null), a.byline());
                        agreement.compare("excerpt", m.path("excerpt").asText(null), a.summary());
                        agreement.compare("siteName", m.path("siteName").asText(null), a.source());
                        agreement.compare("lang", m.path("lang").asText(null), a.language());
                        String published = m.path("publishedTime").asText(null);
                        agreement.compare("publishedTime", published == null ? null
                                : String.valueOf(Timestamps.parse(published)), a.created() == null ? null
                                : a.created().toString());
                    }
                }
            }
            report(n, t0);
            agreement.print();
            json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[2]).toFile(), gold);
            json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[3]).toFile(), pred);
        } else if (args.length >= 2 && args[0].equals("show")) {
            for (int i = 1; i < args.length; i++) {
                Path page = Path.of(args[i]);
                String html = page.toString().endsWith(".gz") ? read(page) : Files.readString(page);
                ExtractedArticle a = extractor.extract(html, null);
                String body = a.body() == null ? null : a.body().length() > 300 ? a.body().substring(0, 300) + "..." : a.body();
                System.out.println(page.getFileName() + "\n  " + new ExtractedArticle(a.headline(), a.summary(), body,
                        a.byline(), a.dateline(), a.language(), a.created(), a.updated(), a.url(), a.source(),
                        a.credit(), a.section(), a.keywords(), a.declaredCountries(), a.idHint())
                        .toString().replace(", ", ",\n  "));
            }
        } else {
            System.err.println("usage: scrapinghub BENCHMARK_DIR PRED_JSON [--speed] | readability PAGES_DIR GOLD_JSON PRED_JSON");
            System.exit(2);
        }
    }

    /**
     * Metadata agreement with the expected values, per field, over the pages where the expected value
     * is present: same text after whitespace and case folding (the language by its primary subtag).
     */
    private static final class Agreement {
        private final Map<String, int[]> counts = new java.util.TreeMap<>();

        void compare(String field, String expected, String actual) {
            if (expected == null || expected.isBlank() || expected.equals("null")) {
                return;
            }
            int[] c = counts.computeIfAbsent(field, f -> new int[2]);
            c[1]++;
            if (actual != null && fold(field, expected).equals(fold(field, actual))) {
                c[0]++;
            } else {
                System.err.printf("differs %s: expected [%s] got [%s]%n", field, expected, actual);
            }
        }

        private static String fold(String field, String s) {
            String t = PlainText.collapse(s).toLowerCase(java.util.Locale.ROOT);
            return field.equals("lang") ? t.split("[-_]")[0] : t;
        }

        void print() {
            counts.forEach((field, c) -> System.out.printf("metadata %-14s %3d/%3d equal%n", field, c[0], c[1]));
        }
    }

    /** Steady-state throughput: three warm-up rounds, then three timed rounds over all pages. */
    private static void speed(HtmlArticleExtractor extractor, List<String> pages, List<String> urls) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < pages.size(); i++) {
                extractor.extract(pages.get(i), urls.get(i));
            }
            if (round >= 3) {
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                // CPU time too: on a shared machine wall-clock speed depends on the neighbours
                System.out.printf("warm round %d: %.1f pages/s wall, %.1f pages per CPU-second (one thread)%n",
                        round - 2, pages.size() / s, pages.size() / cpu);
            }
        }
    }

    private static void report(int n, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%d pages in %.2f s (first pass, cold JVM: %.1f pages/s)%n", n, s, n / s);
    }

    private static String read(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
