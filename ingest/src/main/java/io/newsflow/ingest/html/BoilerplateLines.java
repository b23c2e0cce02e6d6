package io.newsflow.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Drops short stand-alone lines that are page furniture rather than article text. */
final class BoilerplateLines {

    private static final Pattern FURNITURE = Pattern.compile(
            "(?i)^(advertisement|advertising|ad|sponsored|story continues below( advertisement)?|"
                    + "continue reading( below| the main story)?|read more|read next|related( articles| stories| coverage)?|"
                    + "share( this)?( article| story)?|share on \\w+|tweet|email|print|comments?|"
                    + "click here to .*|sign up .*|subscribe .*|follow us .*|skip (to )?(main )?content|"
                    + "image|photo|video|getty images|\\(?(photo|image|picture)s?:? .*(getty|reuters|ap|afp)[^.]*\\)?|"
                    + "loading\\.*|close|menu|back to top|more from .*|see also|recommended( for you)?|"
                    + "most (read|popular|viewed)|trending( now)?|\\W*)\\W*$");

    private static final int MAX_FURNITURE_LENGTH = 80;

    private BoilerplateLines() {}

    static List<String> filter(List<String> paragraphs) {
        List<String> out = new ArrayList<>(paragraphs.size());
        for (String p : paragraphs) {
            if (p.length() <= MAX_FURNITURE_LENGTH && FURNITURE.matcher(p).matches()) {
                continue;
            }
            out.add(p);
        }
        return out;
    }
}
