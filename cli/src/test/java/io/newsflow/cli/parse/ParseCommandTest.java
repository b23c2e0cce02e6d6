package io.newsflow.cli.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ParseCommandTest {

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire</title>
            <item><title>First story</title><link>http://w.example/1</link><guid>g-1</guid><pubDate>Wed, 18 Feb 2026 09:00:00 GMT</pubDate></item>
            <item><title>Second story</title><link>http://w.example/2</link><guid>g-2</guid></item>
            </channel></rss>
            """;
    private static final String NINJS = """
            {"uri": "urn:test:1", "type": "text", "headlines": [{"role": "main", "value": "A ninjs story"}], "language": "en"}
            """;

    record Run(int exit, List<JsonNode> lines, String err) {}

    private static Run run(String... args) throws Exception {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) if (!l.isBlank()) lines.add(m.readTree(l));
        return new Run(exit, lines, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsOneLinePerArticleWithTheFileIncludingGzip(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("wire.rss.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(RSS.getBytes(StandardCharsets.UTF_8));
        }
        Path json = Files.writeString(dir.resolve("item.json"), NINJS);
        Run r = run("parse", gz.toString(), json.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(0).get("file").asText()).isEqualTo(gz.toString());
        assertThat(r.lines().get(0).get("id").asText()).isEqualTo("g-1");
        assertThat(r.lines().get(0).get("format").asText()).isEqualTo("rss");
        assertThat(r.lines().get(0).get("created").asText()).isEqualTo("2026-02-18T09:00:00Z");
        assertThat(r.lines().get(1).get("updated").isNull()).isTrue();
        assertThat(r.lines().get(2).get("file").asText()).isEqualTo(json.toString());
        assertThat(r.lines().get(2).get("headline").asText()).isEqualTo("A ninjs story");
        assertThat(r.lines().get(2).has("declared_countries")).isTrue();
    }

    @Test
    void unparseableFileGetsOneStderrLineTheOthersStillPrintAndExitIs2(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("broken.xml"), "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<item></channel></rss>");
        Path good = Files.writeString(dir.resolve("good.rss"), RSS);
        Path missing = dir.resolve("missing.rss");
        Run r = run("parse", bad.toString(), good.toString(), missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.lines()).hasSize(2);
        String[] errLines = r.err().strip().split("\n");
        assertThat(errLines).hasSize(2);
        assertThat(errLines[0]).startsWith("newsflow: " + bad + ": line 3").contains("malformed XML");
        assertThat(errLines[1]).isEqualTo("newsflow: " + missing + ": no such file");
    }

    @Test
    void explicitFormatIsUsedAndUnknownFormatIsBadInput(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.rss"), RSS);
        Run wrong = run("parse", "--format", "ninjs", good.toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.lines()).isEmpty();
        assertThat(wrong.err()).contains(good.toString()).contains("malformed JSON");
        Run unknown = run("parse", "--format", "yaml", good.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("newsflow: unknown --format 'yaml' (use auto, ninjs, newsml, rss, atom, html, text)");
    }

    @Test
    void ninjsVersionValidatesEveryItemAgainstThatVersion(@TempDir Path dir) throws Exception {
        // ninjs 2.x associations are an array; 1.x has them as an object, and with no plural field this shape is guessed 1.x
        Path v21 = Files.writeString(dir.resolve("v21.json"), """
                {"uri": "urn:test:21", "type": "text",
                 "associations": [{"name": "pic", "uri": "urn:test:pic", "type": "picture"}]}
                """);
        Run guessed = run("parse", v21.toString());
        assertThat(guessed.exit()).isEqualTo(2);
        assertThat(guessed.err()).contains("not valid ninjs 1.");
        Run told = run("parse", "--ninjs-version", "2.1", v21.toString());
        assertThat(told.err()).isEmpty();
        assertThat(told.lines()).hasSize(1);
        Run wrongVersion = run("parse", "--ninjs-version", "1.4", v21.toString());
        assertThat(wrongVersion.exit()).isEqualTo(2);
        assertThat(wrongVersion.err()).contains("not valid ninjs 1.4");
        Run unknown = run("parse", "--ninjs-version", "9.9", v21.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--ninjs-version").contains("no ninjs schema 9.9");
    }
}
