package io.newsflow.cli.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Sends the demo's logs to one file per part under {@code <data-dir>/logs} instead of the console, which is left
 * to the status board and to ERRORs (one line each, naming the file). The broker and registry log to their own
 * files already ({@code kafka/kafka.log}, {@code registry/registry.log}).
 */
public final class DemoLogs {
    private final Path dir;
    private final PartLogAppender appender;

    private DemoLogs(Path dir, PartLogAppender appender) {
        this.dir = dir;
        this.appender = appender;
    }

    /** Replaces the console appenders of the root logger; returns null when logback is not the binding. */
    public static DemoLogs install(Path dataDir, PrintStream console) throws IOException {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        Path dir = Files.createDirectories(dataDir.resolve("logs"));
        PartLogAppender appender = new PartLogAppender(dir, console);
        appender.setContext(context);
        appender.setName("demo-parts");
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        // the files hold what an operator would read: Kafka's clients at INFO say too little to be worth the volume
        context.getLogger("org.apache.kafka").setLevel(Level.WARN);
        return new DemoLogs(dir, appender);
    }

    public Path dir() {
        return dir;
    }

    /** The log files, one per part, and those of the broker and registry. */
    public List<String> describe(Path dataDir) {
        return List.of(String.format("%-16s %s/{%s}.log, %s, %s", "Logs", dir, String.join(",", PartLogAppender.PARTS),
                dataDir.resolve("kafka").resolve("kafka.log"), dataDir.resolve("registry").resolve("registry.log")));
    }
}
