package io.newsflow.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/** A service's {@code --config FILE}: the defaults without one; bad input (exit 2) when unreadable or invalid. */
public final class ServiceConfigFile {
    private ServiceConfigFile() {}

    public static <C> C load(String command, Path file, Supplier<C> defaults, Function<Path, C> loader) {
        if (file == null) {
            return defaults.get();
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(command + ": cannot read config file " + file);
        }
        try {
            return loader.apply(file);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(command + ": " + e.getMessage());
        }
    }
}
