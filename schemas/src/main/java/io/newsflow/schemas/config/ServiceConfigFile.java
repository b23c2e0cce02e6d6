package io.newsflow.schemas.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Function;

/**
 * A service's {@code --config FILE} with the environment over it (one rule for every service, see
 * {@link ServiceProperties}); bad input (exit 2) when unreadable or invalid.
 */
public final class ServiceConfigFile {
    private ServiceConfigFile() {}

    public static <C> C load(String command, Path file, Function<Properties, C> parser) {
        return parse(command, file, () -> ServiceProperties.load(file, System.getenv()), parser);
    }

    /** {@link #load}'s parsing of settings already read from {@code file}: bad input naming the command and file. */
    public static <C> C parse(String command, Path file, java.util.function.Supplier<Properties> settings,
                              Function<Properties, C> parser) {
        try {
            return parser.apply(settings.get());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(command + ": " + (file == null ? "" : file + ": ") + e.getMessage());
        }
    }

    /**
     * A {@code --config FILE} of a command that runs services itself (demo, bench): only keys of the services it runs
     * ({@code prefixes}, e.g. "enrich."), each checked, so a misspelt or foreign key is named instead of ignored.
     */
    public static Properties serviceKeys(String command, Path file, java.util.List<String> prefixes) {
        Properties p;
        try {
            p = ServiceProperties.load(file, java.util.Map.of());
        } catch (RuntimeException e) {
            throw new BadInputException(command + ": --config " + file + ": " + e.getMessage());
        }
        for (String k : p.stringPropertyNames()) {
            if (prefixes.stream().noneMatch(k::startsWith)) {
                throw new BadInputException(command + ": --config " + file + ": '" + k + "' is not a service key; "
                        + command + " passes " + String.join(", ", prefixes.stream().map(x -> x + "*").toList())
                        + " keys to the services it runs");
            }
        }
        return p;
    }

    /** The keys of one service ({@code prefix} "ingest.", "enrich." or "publish.") among those of {@link #serviceKeys}. */
    public static Properties keysOf(Properties keys, String prefix) {
        Properties out = new Properties();
        for (String k : keys.stringPropertyNames()) {
            if (k.startsWith(prefix)) out.setProperty(k, keys.getProperty(k));
        }
        return out;
    }

    /** Writes {@code settings} to {@code file} in the format {@link #load} reads; returns the file. */
    public static Path write(Path file, Properties settings, String comment) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            settings.store(w, comment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
