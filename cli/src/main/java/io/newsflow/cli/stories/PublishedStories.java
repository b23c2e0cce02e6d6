package io.newsflow.cli.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.harness.watch.RecordLag;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Stories as consumers see them: the finished articles of a running pipeline (the JSON topic), each at its latest
 * version, grouped by {@code story_id}. No truth is known there, so what is measured is what a reader of a country's
 * page meets: articles in a story whose main focus country they are not about ({@link StoryScore#mainFocus}).
 */
public final class PublishedStories {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One published article: its story and the countries it is tagged as about (role focus). */
    public record Article(String id, String story, Set<String> focus, String headline) {}

    /** A story holding articles about another country than its main one, with its members. */
    public record Mixed(String story, String mainFocus, List<Article> members, int foreign) {}

    public record Report(int articles, int stories, StoryScore.Result score, List<Mixed> mixed) {}

    private PublishedStories() {}

    /** The article a value of the JSON topic holds, or null for a value without id or story (not an article). */
    public static Article parse(byte[] value) {
        JsonNode n;
        try {
            n = JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
        if (n == null || !n.hasNonNull("id") || !n.hasNonNull("story_id")) return null;
        Set<String> focus = new TreeSet<>();
        for (JsonNode c : n.path("countries")) {
            if ("focus".equals(c.path("role").asText())) focus.add(c.path("code").asText());
        }
        return new Article(n.get("id").asText(), n.get("story_id").asText(), focus, n.path("headline").asText(""));
    }

    /** Scores the articles (the last one read of each id counts) by story. */
    public static Report of(Collection<Article> latest) {
        List<StoryScore.Assignment> assignments = new ArrayList<>();
        Map<String, List<Article>> byStory = new LinkedHashMap<>();
        for (Article a : latest) {
            // the story stands in for the unknown event: precision and recall are 1 by construction and not shown
            assignments.add(new StoryScore.Assignment(a.id(), a.story(), a.story(), a.focus()));
            byStory.computeIfAbsent(a.story(), s -> new ArrayList<>()).add(a);
        }
        StoryScore.Result score = StoryScore.of(assignments);
        Map<String, Integer> foreignPerStory = new HashMap<>();
        Map<String, String> mainFocus = new HashMap<>();
        for (StoryScore.Foreign f : score.foreign()) {
            foreignPerStory.merge(f.story(), 1, Integer::sum);
            mainFocus.put(f.story(), f.storyFocus());
        }
        List<Mixed> mixed = new ArrayList<>();
        foreignPerStory.forEach((story, n) -> mixed.add(new Mixed(story, mainFocus.get(story), byStory.get(story), n)));
        mixed.sort(Comparator.comparingInt(Mixed::foreign).reversed().thenComparing(Mixed::story));
        return new Report(latest.size(), byStory.size(), score, mixed);
    }

    /**
     * Reads the topic from its first record up to its end when called (committed records only) and keeps the last
     * value of each article id.
     */
    public static Collection<Article> read(Properties client, String topic, Duration timeout) {
        Map<String, Article> latest = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> reader = RecordLag.reader(client)) {
            List<PartitionInfo> partitions = reader.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist on "
                        + client.getProperty("bootstrap.servers"));
            }
            List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            reader.assign(tps);
            reader.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = new HashMap<>(reader.endOffsets(tps, timeout));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (ends.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took longer than " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(500))) {
                    Article a = r.value() == null ? null : parse(r.value());
                    if (a != null) {
                        latest.remove(a.id());
                        latest.put(a.id(), a);
                    }
                }
            }
        }
        return latest.values();
    }
}
