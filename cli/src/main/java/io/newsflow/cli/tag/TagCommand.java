package io.newsflow.cli.tag;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.countries.CountryTagger;
import io.newsflow.countries.TagInput;
import io.newsflow.countries.Weights;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.Evidence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./newsflow tag}: JSON lines {"id","headline"|"title","dateline","body","declared_countries"} on
 * stdin, one {"id","countries":[...]} line per input line on stdout, in the same order. A line that is
 * not a JSON object is reported on stderr with its number and skipped; the exit code is then 2.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag JSON-lines articles on stdin with the countries they are about or mention.")
public final class TagCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = {"--mention-min-score", "--min-score"}, paramLabel = "RAW",
            description = "The mention threshold: drop countries whose raw evidence weight is below this (default 0: "
                    + "every country the text names or implies).")
    Double minScore;

    @Option(names = "--focus-min-score", paramLabel = "RAW",
            description = "The focus threshold: a country is focus only with at least this raw weight, besides a "
                    + "share of the best one or dateline/headline evidence (default 2).")
    Double focusMinScore;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec != null ? spec.commandLine().getErr()
                : new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        if (minScore != null && (minScore < 0 || minScore.isNaN())) {
            throw new io.newsflow.schemas.config.BadInputException("--mention-min-score must be 0 or more, got " + minScore);
        }
        if (focusMinScore != null && (focusMinScore < 0 || focusMinScore.isNaN())) {
            throw new io.newsflow.schemas.config.BadInputException("--focus-min-score must be 0 or more, got " + focusMinScore);
        }
        Weights weights = Weights.defaults();
        if (minScore != null) {
            weights = weights.withMentionMin(minScore);
        }
        if (focusMinScore != null) {
            weights = weights.withFocusMin(focusMinScore);
        }
        CountryTagger tagger = minScore == null && focusMinScore == null ? CountryTagger.standard()
                : CountryTagger.withWeights(weights);
        int bad = run(tagger, in, out, err);
        out.flush();
        err.flush();
        return bad == 0 ? 0 : 2;
    }

    /** Tags every line; returns how many lines were bad. */
    static int run(CountryTagger tagger, BufferedReader in, Writer out, PrintWriter err) throws IOException {
        JsonGenerator gen = JSON.getFactory().createGenerator(out);
        gen.setRootValueSeparator(null);
        int bad = 0;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            TagInput input;
            try {
                input = parse(line);
            } catch (IllegalArgumentException | IOException e) {
                err.println("newsflow tag: stdin line " + lineNo + ": " + e.getMessage());
                bad++;
                continue;
            }
            write(gen, input.id(), tagger.tag(input));
            gen.flush();
            out.write('\n');
        }
        gen.flush();
        return bad;
    }

    static TagInput parse(String line) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isValueNode()) {
            throw new IllegalArgumentException("\"id\" must be a string or number");
        }
        String headline = text(node, "headline");
        if (headline == null) {
            headline = text(node, "title");
        }
        List<String> declared = new ArrayList<>();
        JsonNode dc = node.get("declared_countries");
        if (dc != null && !dc.isNull()) {
            if (!dc.isArray()) {
                throw new IllegalArgumentException("\"declared_countries\" must be an array of ISO codes");
            }
            for (JsonNode c : dc) {
                String code = c.asText("");
                if (!code.matches("[A-Za-z]{2}")) {
                    throw new IllegalArgumentException("\"declared_countries\" holds '" + code
                            + "', not an ISO 3166-1 alpha-2 code");
                }
                declared.add(code);
            }
        }
        return new TagInput(id == null || id.isNull() ? null : id.asText(), headline, text(node, "dateline"),
                text(node, "body"), declared);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return v.asText();
    }

    private static String firstLine(Object msg) {
        String s = String.valueOf(msg);
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void write(JsonGenerator gen, String id, List<CountryTag> tags) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("id", id);
        gen.writeArrayFieldStart("countries");
        for (CountryTag t : tags) {
            gen.writeStartObject();
            gen.writeStringField("code", t.getCode());
            gen.writeStringField("role", t.getRole().name().toLowerCase());
            gen.writeNumberField("score", t.getScore());
            gen.writeArrayFieldStart("evidence");
            for (Evidence e : t.getEvidence()) {
                gen.writeStartObject();
                gen.writeStringField("text", e.getText());
                gen.writeStringField("field", e.getField());
                gen.writeNumberField("offset", e.getOffset());
                gen.writeStringField("reason", e.getReason());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    /** Runs without the rest of the CLI (handy when other commands are mid-build). */
    public static void main(String[] args) {
        picocli.CommandLine cli = new picocli.CommandLine(new TagCommand());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof io.newsflow.schemas.config.BadInputException) {
                cmd.getErr().println("newsflow tag: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        System.exit(cli.execute(args));
    }

    /** For tests: tags the given text and returns stdout. */
    static String tagLines(String input, StringWriter errors) throws IOException {
        StringWriter out = new StringWriter();
        run(CountryTagger.standard(), new BufferedReader(new java.io.StringReader(input)), out,
                new PrintWriter(errors, true));
        return out.toString();
    }
}
