package io.newsflow.cli.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Sends the demo's logs to one file per part under {@code <data-dir>/logs} instead of the console, which is left
 * to the status board and to ERRORs (one line each, naming the file). The broker and registry log to their own
 * files already ({@code kafka/kafka.log}, {@code registry/registry.log}).
 */
public final class DemoLogs implements AutoCloseable {
    private final Path dir;
    private final PartLogAppender appender;
    private final Logger root;
    private final List<Appender<ILoggingEvent>> replaced;
    private final Level kafkaLevel;

    private DemoLogs(Path dir, PartLogAppender appender, Logger root, List<Appender<ILoggingEvent>> replaced, Level kafkaLevel) {
        this.dir = dir;
        this.appender = appender;
        this.root = root;
        this.replaced = replaced;
        this.kafkaLevel = kafkaLevel;
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
        List<Appender<ILoggingEvent>> replaced = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(replaced::add);
        replaced.forEach(root::detachAppender);
        root.addAppender(appender);
        // the files hold what an operator would read: Kafka's clients at INFO say too little to be worth the volume
        Logger kafka = context.getLogger("org.apache.kafka");
        Level kafkaLevel = kafka.getLevel();
        kafka.setLevel(Level.WARN);
        return new DemoLogs(dir, appender, root, replaced, kafkaLevel);
    }

    /** Puts the appenders back that were there before. */
    @Override
    public void close() {
        root.detachAppender(appender);
        replaced.forEach(root::addAppender);
        root.getLoggerContext().getLogger("org.apache.kafka").setLevel(kafkaLevel);
        appender.stop();
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
