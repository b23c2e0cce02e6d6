package io.newsflow.cli.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How well story ids match the events they stand for, for articles whose true event is known.
 *
 * <p>B-cubed, per article: precision = the share of its story that is its own event, recall = the share of its event
 * that is in its story; both averaged over articles, so a large wrong merge costs in proportion to the articles it
 * misleads. Besides: how many stories mix events, and the share of articles in multi-article stories that are about
 * countries without the story's main focus country (what a reader of a country's page sees of another country's event;
 * an article about no country, such as a kill notice, does not count).
 */
public final class StoryScore {
    /** One article: its true event, the story the pipeline gave it and the countries it was tagged as about. */
    public record Assignment(String articleId, String event, String story, Set<String> focus) {}

    /** A story that holds articles of more than one event. */
    public record Mixed(String story, int articles, int events, List<String> headlineEvents) {}

    /** An article in a story whose main focus country it is not about. */
    public record Foreign(String articleId, String event, Set<String> focus, String story, String storyFocus) {}

    public record Result(int articles, int events, int stories, double precision, double recall, int multiArticleStories,
                         int articlesInMultiArticleStories, int foreignArticles, List<Mixed> mixed, List<Foreign> foreign) {
        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        /** Of the articles in multi-article stories, the share not about the story's main focus country. */
        public double foreignShare() {
            return articlesInMultiArticleStories == 0 ? 0 : (double) foreignArticles / articlesInMultiArticleStories;
        }
    }

    private StoryScore() {}

    public static Result of(List<Assignment> assignments) {
        Map<String, List<Assignment>> byStory = new TreeMap<>();
        Map<String, Integer> eventSize = new HashMap<>();
        for (Assignment a : assignments) {
            byStory.computeIfAbsent(a.story(), s -> new ArrayList<>()).add(a);
            eventSize.merge(a.event(), 1, Integer::sum);
        }
        double precision = 0;
        double recall = 0;
        int multi = 0;
        int inMulti = 0;
        int foreign = 0;
        List<Mixed> mixed = new ArrayList<>();
        List<Foreign> foreignList = new ArrayList<>();
        for (Map.Entry<String, List<Assignment>> story : byStory.entrySet()) {
            List<Assignment> members = story.getValue();
            Map<String, Integer> perEvent = new TreeMap<>();
            for (Assignment a : members) perEvent.merge(a.event(), 1, Integer::sum);
            for (Assignment a : members) {
                int same = perEvent.get(a.event());
                precision += (double) same / members.size();
                recall += (double) same / eventSize.get(a.event());
            }
            if (members.size() > 1) {
                multi++;
                inMulti += members.size();
                String main = mainFocus(members);
                for (Assignment a : members) {
                    if (main != null && !a.focus().isEmpty() && !a.focus().contains(main)) {
                        foreign++;
                        foreignList.add(new Foreign(a.articleId(), a.event(), a.focus(), story.getKey(), main));
                    }
                }
            }
            if (perEvent.size() > 1) {
                List<String> events = perEvent.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .map(e -> e.getKey() + " x" + e.getValue()).toList();
                mixed.add(new Mixed(story.getKey(), members.size(), perEvent.size(), events));
            }
        }
        mixed.sort(Comparator.comparingInt(Mixed::articles).reversed().thenComparing(Mixed::story));
        int n = assignments.size();
        return new Result(n, eventSize.size(), byStory.size(), n == 0 ? 0 : precision / n, n == 0 ? 0 : recall / n,
                multi, inMulti, foreign, mixed, foreignList);
    }

    /** The country most of the story's articles are about (ties: the smaller code); null when none has a focus. */
    static String mainFocus(List<Assignment> members) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Assignment a : members) {
            for (String c : new HashSet<>(a.focus())) counts.merge(c, 1, Integer::sum);
        }
        String main = null;
        int best = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > best) {
                main = e.getKey();
                best = e.getValue();
            }
        }
        return main;
    }
}
