package io.newsflow.cli;

import io.newsflow.schemas.config.ServiceProperties;
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
        try {
            return parser.apply(ServiceProperties.load(file, System.getenv()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(command + ": " + (file == null ? "" : file + ": ") + e.getMessage());
        }
    }
}
