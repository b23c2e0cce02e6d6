package io.newsflow.cli.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo runs ingest, enrich, publish and the front page in one JVM: this appender gives each part its own log
 * file ({@code <dir>/<part>.log}), telling the part by logger, thread and Kafka client id, and shows every ERROR on
 * the console in one line with the file to read.
 */
final class PartLogAppender extends AppenderBase<ILoggingEvent> {
    static final List<String> PARTS = List.of("ingest", "enrich", "publish", "frontpage", "demo");
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} %msg%n";

    private final Path dir;
    private final PrintStream console;
    private final Map<String, FileAppender<ILoggingEvent>> files = new ConcurrentHashMap<>();

    PartLogAppender(Path dir, PrintStream console) {
        this.dir = dir;
        this.console = console;
    }

    Path fileOf(String part) {
        return dir.resolve(part + ".log");
    }

    @Override
    protected void append(ILoggingEvent event) {
        String part = partOf(event.getLoggerName(), event.getThreadName(), event.getFormattedMessage());
        files.computeIfAbsent(part, this::open).doAppend(event);
        if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            String message = event.getFormattedMessage();
            console.println("ERROR " + part + ": " + (message.length() > 300 ? message.substring(0, 300) + "..." : message)
                    + "  (more in " + fileOf(part) + ")");
        }
    }

    /** Which part of the demo an event belongs to: its logger's module, else its thread or Kafka client id. */
    static String partOf(String logger, String thread, String message) {
        for (String part : PARTS) {
            if (logger.startsWith("io.newsflow." + part + ".")) {
                return part;
            }
        }
        String where = (thread == null ? "" : thread) + " " + (message == null ? "" : message);
        for (String part : PARTS) {
            if (where.contains("newsflow-" + part)) {
                return part;
            }
        }
        if (logger.startsWith("org.apache.kafka.streams") || where.contains("StreamThread") || where.contains("rocksdb")) {
            return "enrich";
        }
        if (where.contains("frontpage")) {
            return "frontpage";
        }
        return "demo";
    }

    private FileAppender<ILoggingEvent> open(String part) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(getContext());
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(getContext());
        file.setName("demo-" + part);
        file.setFile(fileOf(part).toString());
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();
        return file;
    }

    @Override
    public void stop() {
        files.values().forEach(FileAppender::stop);
        super.stop();
    }
}
