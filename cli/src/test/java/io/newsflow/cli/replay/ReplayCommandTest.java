package io.newsflow.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ReplayCommandTest {
    @TempDir
    Path tmp;

    public static String line(String id, String source, String headline, String body, String at, String country) {
        return "{\"id\":\"" + id + "\",\"version\":1,\"format\":\"ninjs\",\"source\":\"" + source + "\",\"headline\":\""
                + headline + "\",\"body\":\"" + body + "\",\"created\":\"" + at + "\",\"updated\":\"" + at
                + "\",\"declared_countries\":[\"" + country + "\"],\"keywords\":[]}";
    }

    public static final String QUAKE = "A magnitude 6.8 earthquake struck Malatya province in eastern Turkey on Tuesday, killing at least 41 "
            + "people near Puturge, the disaster agency AFAD said, as rescuers searched collapsed buildings.";
    public static final String COURT = "A court in Moscow sentenced journalist Pavel Orlov to six years in a penal colony for posts "
            + "about the army on Telegram; he denied the charges and will appeal.";

    public record Run(int exit, String out, String err) {}

    public static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void printsRankedListsPerRegionAsOfTheLastEvent() throws Exception {
        Path file = tmp.resolve("day.jsonl");
        Files.write(file, List.of(
                line("c1", "Reuters", "Russian court jails journalist", COURT, "2026-03-03T04:00:00Z", "RU"),
                line("q1", "Reuters", "Earthquake strikes eastern Turkey", QUAKE, "2026-03-03T06:00:00Z", "TR"),
                line("q2", "AP", "Quake kills 41 in Turkey's Malatya", QUAKE, "2026-03-03T06:10:00Z", "TR"),
                line("q2", "AP", "Quake kills 41 in Turkey's Malatya", QUAKE, "2026-03-03T06:10:00Z", "TR")));
        Run r = run("replay", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("at").asText()).isEqualTo("2026-03-03T06:10:00Z");
        JsonNode global = json.get("regions").get("global");
        // the story's own headline: its first article's
        assertThat(global.get(0).get("headline").asText()).isEqualTo("Earthquake strikes eastern Turkey");
        assertThat(global.get(0).get("articles").asInt()).isEqualTo(2);
        assertThat(global.get(0).get("sources").asInt()).isEqualTo(2);
        assertThat(json.get("regions").get("RU").get(0).get("headline").asText()).isEqualTo("Russian court jails journalist");

        // as of before the quake: only the Russian story
        JsonNode earlier = new ObjectMapper().readTree(run("replay", file.toString(), "--at", "2026-03-03T05:00:00Z").out());
        assertThat(earlier.get("regions").get("global")).hasSize(1);
        assertThat(earlier.get("regions").has("TR")).isFalse();
    }

    @Test
    void badLineOrTimeIsOneStderrLineAndExitTwo() throws Exception {
        Path file = tmp.resolve("bad.jsonl");
        Files.write(file, List.of(line("c1", "Reuters", "Court", COURT, "2026-03-03T04:00:00Z", "RU"), "{not json"));
        Run r = run("replay", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("line 2").contains(file.toString());
        assertThat(r.err().strip().lines()).hasSize(1);
        Run t = run("replay", file.toString(), "--at", "yesterday");
        assertThat(t.exit()).isEqualTo(2);
        assertThat(t.err()).contains("--at");
        assertThat(run("replay", tmp.resolve("missing.jsonl").toString()).exit()).isEqualTo(2);
    }

    @Test
    void linesWithOnlyIdSourceHeadlineBodyAndUpdatedAreReplayed() throws Exception {
        Path file = tmp.resolve("minimal.jsonl");
        Files.write(file, List.of(
                "{\"id\":\"q1\",\"source\":\"Reuters\",\"headline\":\"Earthquake strikes eastern Turkey\",\"body\":\"" + QUAKE
                        + "\",\"updated\":\"2026-03-03T06:00:00Z\"}",
                "{\"id\":\"q2\",\"source\":\"AP\",\"headline\":\"Quake kills 41 in Turkey's Malatya\",\"body\":\"" + QUAKE
                        + "\",\"updated\":\"2026-03-03T06:10:00Z\"}"));
        Run r = run("replay", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode global = new ObjectMapper().readTree(r.out()).get("regions").get("global");
        assertThat(global.get(0).get("articles").asInt()).isEqualTo(2);
        assertThat(global.get(0).get("sources").asInt()).isEqualTo(2);
    }

    @Test
    void aLineWithoutTimeOrTextSaysWhatIsMissing() throws Exception {
        Path noTime = tmp.resolve("notime.jsonl");
        Files.write(noTime, List.of("{\"id\":\"q1\",\"source\":\"AP\",\"headline\":\"Quake\"}"));
        Run r = run("replay", noTime.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("line 1").contains("no time").contains("updated");
        Path noText = tmp.resolve("notext.jsonl");
        Files.write(noText, List.of("{\"id\":\"q1\",\"source\":\"AP\",\"updated\":\"2026-03-03T06:00:00Z\"}"));
        assertThat(run("replay", noText.toString()).err()).contains("neither 'headline' nor 'body'");
    }
}
