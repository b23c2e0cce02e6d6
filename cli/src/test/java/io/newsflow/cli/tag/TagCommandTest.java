package io.newsflow.cli.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TagCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tagsEachLineInOrderAndReportsBadLinesByNumber() throws Exception {
        String input = String.join("\n",
                "{\"id\":\"a\",\"headline\":\"Brazil raises coffee quota\",\"dateline\":\"BRASILIA\",\"body\":\"Brazil acted.\"}",
                "not json",
                "{\"id\":\"b\",\"title\":\"Talks\",\"body\":\"Officials met.\",\"declared_countries\":[\"KE\"]}",
                "{\"id\":\"c\",\"declared_countries\":\"KE\"}",
                "{\"id\":\"d\",\"body\":\"Nothing here.\"}");
        StringWriter errors = new StringWriter();
        String out = TagCommand.tagLines(input, errors);

        String[] lines = out.split("\n");
        assertThat(lines).hasSize(3);
        JsonNode a = JSON.readTree(lines[0]);
        assertThat(a.get("id").asText()).isEqualTo("a");
        assertThat(a.get("countries").get(0).get("code").asText()).isEqualTo("BR");
        assertThat(a.get("countries").get(0).get("role").asText()).isEqualTo("focus");
        assertThat(a.get("countries").get(0).get("evidence").get(0).get("field").asText()).isEqualTo("dateline");
        assertThat(JSON.readTree(lines[1]).get("countries").get(0).get("code").asText()).isEqualTo("KE");
        assertThat(JSON.readTree(lines[2]).get("countries")).isEmpty();

        String[] err = errors.toString().strip().split("\n");
        assertThat(err).hasSize(2);
        assertThat(err[0]).contains("line 2").contains("not valid JSON");
        assertThat(err[1]).contains("line 4").contains("declared_countries");
    }

    @Test
    void exitsWithTwoAfterABadLineAndStillPrintsTheGoodOnes() {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream("{\"id\":\"x\",\"body\":\"Kenya\"}\n[1]\n".getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(Main.run("tag", "--min-score", "0")).isEqualTo(2);
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"id\":\"x\",\"countries\":[{\"code\":\"KE\"");
    }

    @Test
    void rejectsANegativeThreshold() {
        assertThat(Main.run("tag", "--min-score", "-1")).isEqualTo(2);
    }
}
