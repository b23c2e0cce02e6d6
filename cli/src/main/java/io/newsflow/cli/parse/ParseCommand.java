package io.newsflow.cli.parse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.config.BadInputException;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.ItemError;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.ingest.support.Gzip;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.json.ArticleJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code newsflow parse [--format F] FILE...}: one JSON line per article found (with {@code "file"}), one
 * stderr line per file or item that cannot be parsed; the others are still printed; exit 2 at the end when
 * anything was refused.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse news files (ninjs, NewsML-G2, RSS, Atom, HTML, text; .gz too) and print one article JSON per line. No Kafka needed.")
public final class ParseCommand implements Callable<Integer> {

    /** Decompressed size limit per file: a gzip bomb stops here. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto (Content-Type-free sniffing), ninjs, newsml, rss, atom, html or text. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--ninjs-version", paramLabel = "V",
            description = "Validate ninjs items against this schema version (1.0 ... 3.1, 1.x_dev, 2.x_dev) instead of "
                    + "the version each item declares or its shape suggests.")
    String ninjsVersion;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to parse.")
    List<Path> files;

    @Override
    public Integer call() {
        if (!"auto".equalsIgnoreCase(format) && !ParserRegistry.FORMATS.contains(format.toLowerCase(java.util.Locale.ROOT))) {
            throw new BadInputException("unknown --format '" + format + "' (use auto, " + String.join(", ", ParserRegistry.FORMATS) + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParserRegistry registry = ParserRegistry.defaults();
        if (ninjsVersion != null) {
            try {
                registry = registry.withNinjsVersion(ninjsVersion);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--ninjs-version: " + e.getMessage());
            }
        }
        boolean refused = false;
        for (Path file : files) {
            String name = file.toString();
            ParseResult result;
            try {
                byte[] bytes = Gzip.maybeGunzip(Files.readAllBytes(file), MAX_FILE_BYTES);
                result = registry.parse(new Document(name, null, bytes), format);
            } catch (NoSuchFileException e) {
                err.println("newsflow: " + name + ": no such file");
                refused = true;
                continue;
            } catch (IOException e) {
                err.println("newsflow: " + name + ": cannot read: " + e.getMessage());
                refused = true;
                continue;
            } catch (ParseException | IllegalArgumentException e) {
                err.println("newsflow: " + name + ": " + e.getMessage());
                refused = true;
                continue;
            }
            for (Article a : result.articles()) {
                ObjectNode line = ArticleJson.mapper().createObjectNode();
                line.put("file", name);
                line.setAll(ArticleJson.toNode(a));
                out.println(line.toString());
            }
            for (ItemError e : result.errors()) {
                err.println("newsflow: " + e.describe(name));
                refused = true;
            }
            out.flush();
        }
        out.flush();
        return refused ? 2 : 0;
    }
}
