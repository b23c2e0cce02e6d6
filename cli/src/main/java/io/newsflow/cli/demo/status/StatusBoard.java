package io.newsflow.cli.demo.status;

import io.newsflow.harness.watch.RecordLag;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link Snapshot}: a board of a few lines for a terminal, or one line for a pipe or a file. */
public final class StatusBoard {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private StatusBoard() {}

    /** The board, redrawn in place on a terminal. */
    public static List<String> board(Snapshot s) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "newsflow demo   %s   up %s   %s", CLOCK.format(s.at()), uptime(s),
                !s.stalls().isEmpty() ? "STALLED" : s.allUp() ? "all parts UP" : "NOT ALL UP"));
        lines.add(String.format(Locale.ROOT, "  in    %7.1f items/s    %,10d accepted", s.inPerSec(), s.accepted()));
        lines.add(String.format(Locale.ROOT, "  out   %7.1f articles/s %,10d on news.articles", s.outPerSec(), s.published()));
        lines.add("  lag   " + lags(s) + "   (records)");
        lines.add("  dead letters " + deadLetters(s));
        lines.add("  stalled " + (s.stalls().isEmpty() ? "-" : s.stalls().get(0)
                + (s.stalls().size() > 1 ? "  (+" + (s.stalls().size() - 1) + " more)" : "")));
        lines.add("  health " + s.health().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("  ")));
        lines.add("  sources " + (s.sources().isEmpty() ? "-" : s.sources().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        lines.add("  trending");
        for (int i = 0; i < 3; i++) {
            lines.add(i < s.trending().size() ? "    " + (i + 1) + ". " + s.trending().get(i) : "");
        }
        return lines;
    }

    /** One line, for output that is not a terminal. */
    public static String line(Snapshot s) {
        String line = String.format(Locale.ROOT, "%s  in %.1f/s (%d accepted)  out %.1f/s (%d published)  lag %s  dead letters %s  %s",
                CLOCK.format(s.at()), s.inPerSec(), s.accepted(), s.outPerSec(), s.published(), lags(s), deadLetters(s),
                s.allUp() ? "all UP" : "DOWN: " + s.health().entrySet().stream().filter(e -> !"UP".equals(e.getValue()))
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        long notOk = s.sources().values().stream().filter(v -> !"ok".equals(v)).count();
        line += "  sources " + (notOk == 0 ? s.sources().size() + " ok" : s.sources().entrySet().stream()
                .filter(e -> !"ok".equals(e.getValue())).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        if (!s.stalls().isEmpty()) {
            line += "  STALLED: " + String.join("; ", s.stalls());
        }
        return s.trending().isEmpty() ? line : line + "  top: " + s.trending().get(0);
    }

    private static String lags(Snapshot s) {
        return s.lags().entrySet().stream().map(e -> e.getKey() + " " + lag(e.getValue())).collect(Collectors.joining(", "));
    }

    private static String lag(RecordLag.Lag lag) {
        if (lag.records() < 0) {
            return "?";
        }
        return (lag.exact() ? "" : "~") + lag.records();
    }

    private static String deadLetters(Snapshot s) {
        if (s.deadLetters().isEmpty()) {
            return "0";
        }
        return s.deadLetterTotal() + " (" + s.deadLetters().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }

    private static String uptime(Snapshot s) {
        long seconds = s.uptime().toSeconds();
        return seconds < 60 ? seconds + "s" : seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
    }
}
