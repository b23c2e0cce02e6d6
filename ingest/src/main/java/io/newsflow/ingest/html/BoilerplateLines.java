package io.newsflow.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Drops stand-alone lines that are page furniture rather than article text: ad labels, "Read more"
 * teasers, share prompts, cookie notices, copyright lines, and near the edges of the text the
 * repeated headline, the publication-date line and author sign-offs.
 */
final class BoilerplateLines {

    private static final Pattern FURNITURE = Pattern.compile(
            "(?i)^(advertisement|advertising|advert|ad|anzeige|publicidade|publicidad|реклама|sponsored|"
                    + "story continues below( advertisement)?|continue reading( below| the main story)?|"
                    + "read more|read next|related( articles| stories| coverage| content)?|"
                    + "share( this)?( article| story| post)?|share on \\w+|tweet|email|print|comments?|"
                    + "click here to .*|sign up .*|subscribe|follow us .*|skip (to )?(main )?content|"
                    + "image|photo|video|getty images|image \\d+ of \\d+|\\d+ of \\d+|"
                    + "this (slideshow|video|content) requires javascript.*|sharing is caring.*|"
                    + "loading\\.*|close|menu|back to top|more from .*|see also|recommended( for you)?|"
                    + "you may also like|don'?t miss|most (read|popular|viewed)|trending( now)?|"
                    + "tell us what you think.*|\\W*)\\W*$");

    /** "Read more: <linked headline>" teasers, in the languages of the pages we see most. */
    private static final Pattern TEASER = Pattern.compile(
            "(?i)^(read more|see more|also read|read also|related|more|related article|related story|watch|"
                    + "watch more|listen|don'?t miss|recommended|leia (também|mais)|veja (também|mais)|"
                    + "lee (también|más)|lesen sie (auch|mehr)|mehr zum thema|à lire aussi|lire aussi|"
                    + "читайте (также|тоже)|смотрите также)\\s*[:|>»-].*");

    private static final Pattern COPYRIGHT = Pattern.compile(
            "(?i)^(©|\\(c\\)|copyright\\b).*|.*all rights reserved\\.?$");

    private static final Pattern COOKIES = Pattern.compile(
            "(?i)^(we|this (web)?site) use[s]? cookies.*|^by (choosing|clicking|continuing).*(cookies|consent).*");

    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?i).*\\bfollow (us|him|her|them|me) (on|at) (twitter|facebook|instagram)\\b.*");

    private static final Pattern DATE_PART = Pattern.compile(
            "(?i)\\b(\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}|\\d{1,2}:\\d{2}(:\\d{2})?|"
                    + "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?|"
                    + "(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?|\\d{1,4}(st|nd|rd|th)?|"
                    + "am|pm|a\\.m\\.|p\\.m\\.|gmt|utc|est|edt|cst|cdt|pst|pdt|bst|cet|cest|ist|"
                    + "published|updated|posted|last updated|modified|on|at|by|de|em|às|le|am|um)\\b");

    private static final int MAX_FURNITURE_LENGTH = 80;
    private static final int EDGE = 3;

    private BoilerplateLines() {}

    static List<String> filter(List<String> paragraphs, String headline) {
        List<String> out = new ArrayList<>(paragraphs.size());
        int n = paragraphs.size();
        for (int i = 0; i < n; i++) {
            String p = paragraphs.get(i);
            boolean nearStart = i < EDGE;
            boolean nearEnd = i >= n - EDGE;
            if (isFurniture(p) || (nearStart && (isHeadline(p, headline) || isBylineLine(p))) || ((nearStart || nearEnd) && isDateLine(p))
                    || (nearEnd && p.length() < 300 && SIGN_OFF.matcher(p).matches())) {
                continue;
            }
            out.add(p);
        }
        return out;
    }

    static boolean isFurniture(String p) {
        if (p.length() <= MAX_FURNITURE_LENGTH && FURNITURE.matcher(p).matches()) {
            return true;
        }
        if (p.length() <= 200 && (TEASER.matcher(p).matches() || COPYRIGHT.matcher(p).matches())) {
            return true;
        }
        return p.length() <= 400 && COOKIES.matcher(p).matches();
    }

    private static boolean isHeadline(String p, String headline) {
        if (headline == null || p.length() > 300) {
            return false;
        }
        String a = words(p);
        String b = words(headline);
        // the title often carries the site name after the headline; a paragraph that merely starts
        // like the headline is text
        return !a.isEmpty() && (a.equals(b) || (a.length() > 20 && b.startsWith(a))
                || (a.startsWith(b) && b.length() >= 0.8 * a.length()));
    }

    private static final Pattern BYLINE = Pattern.compile("^(By|BY|by|Por|POR|Von|Par|Autor:|Author:)\\s+\\p{Lu}.*");

    private static boolean isBylineLine(String p) {
        return p.length() < 100 && !p.endsWith(".") && BYLINE.matcher(p).matches();
    }

    /** A short line that is nothing but a date, a time and words like "Published" or "by". */
    private static boolean isDateLine(String p) {
        if (p.length() > 80) {
            return false;
        }
        String rest = DATE_PART.matcher(p).replaceAll(" ");
        boolean hadDate = !rest.equals(p) && Pattern.compile("\\d").matcher(p).find();
        return hadDate && words(rest).isEmpty();
    }

    private static String words(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
