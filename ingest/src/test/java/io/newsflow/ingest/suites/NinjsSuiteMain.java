package io.newsflow.ingest.suites;

import io.newsflow.ingest.Document;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.ninjs.NinjsParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the IPTC ninjs validation suite (test_suite/VERSION/should_pass|should_fail/*.json) through the
 * ninjs parser: each folder against its labelled schema version, and again with the version the parser
 * detects itself ("auto"). Usage: NinjsSuiteMain PATH/TO/validation/test_suite
 */
public final class NinjsSuiteMain {
    public static void main(String[] args) throws Exception {
        Path suite = Path.of(args[0]);
        int totalPass = 0, okPass = 0, totalFail = 0, okFail = 0, autoOkPass = 0, autoOkFail = 0;
        List<String> problems = new ArrayList<>();
        try (Stream<Path> versions = Files.list(suite)) {
            for (Path dir : versions.filter(Files::isDirectory).sorted().toList()) {
                String version = dir.getFileName().toString();
                NinjsParser labelled = new NinjsParser(version);
                NinjsParser auto = new NinjsParser();
                int[] counts = new int[6];
                for (String kind : List.of("should_pass", "should_fail")) {
                    Path d = dir.resolve(kind);
                    if (!Files.isDirectory(d)) continue;
                    try (Stream<Path> files = Files.list(d)) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                            String reason = refusal(labelled, f);
                            String autoReason = refusal(auto, f);
                            boolean shouldPass = kind.equals("should_pass");
                            if (shouldPass) {
                                counts[0]++;
                                if (reason == null) counts[1]++; else problems.add("REFUSED " + f + ": " + reason);
                                if (autoReason == null) counts[4]++;
                            } else {
                                counts[2]++;
                                if (reason != null) counts[3]++; else problems.add("ACCEPTED " + f);
                                if (autoReason != null) counts[5]++;
                            }
                        }
                    }
                }
                System.out.printf("%-8s should_pass %3d/%-3d accepted   should_fail %3d/%-3d refused   (auto-detected version: %d/%d accepted, %d/%d refused)%n",
                        version, counts[1], counts[0], counts[3], counts[2], counts[4], counts[0], counts[5], counts[2]);
                totalPass += counts[0]; okPass += counts[1]; totalFail += counts[2]; okFail += counts[3];
                autoOkPass += counts[4]; autoOkFail += counts[5];
            }
        }
        System.out.printf("TOTAL    should_pass %d/%d accepted   should_fail %d/%d refused   (auto: %d/%d, %d/%d)%n",
                okPass, totalPass, okFail, totalFail, autoOkPass, totalPass, autoOkFail, totalFail);
        problems.forEach(System.out::println);
    }

    /** Null when every item was accepted, else the first reason. */
    private static String refusal(NinjsParser parser, Path f) throws Exception {
        try {
            ParseResult r = parser.parse(new Document(f.toString(), "application/json", Files.readAllBytes(f)));
            if (!r.errors().isEmpty()) return r.errors().get(0).reason();
            if (r.articles().isEmpty()) return "no items";
            return null;
        } catch (ParseException e) {
            return e.getMessage();
        }
    }
}
