package io.newsflow.harness.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.publish.validate.FinishedArticleValidator;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendingEntry;
import io.newsflow.schemas.avro.TrendingList;
import io.newsflow.schemas.serde.KafkaAvroDeserializer;
import io.newsflow.schemas.topics.TopicContract;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every output of the pipeline as a downstream consumer does (read_committed, from the beginning) and counts
 * each kind of anomaly against what ingest acknowledged. An article's identity on the outputs is its id, version
 * and updated time: a new version, or a corrected item without a version number, is a new record.
 */
final class Checker {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the checker found; every list holds examples (at most 20) of its anomaly, the count is complete. */
    static final class Findings {
        int articlesAcked;
        int idsAcked;
        int lost;
        int duplicated;
        int torn;
        int outOfOrder;
        int latestWrong;
        long unseen;
        int trendingDoubleCounts;
        int deadlettersIngest;
        /** Distinct items among ingest's dead letters (feed and payload): one whose answer was lost is written again. */
        int deadlettersIngestDistinct;
        int deadlettersOther;
        int articlesOut;
        final Map<String, List<String>> examples = new LinkedHashMap<>();

        void example(String kind, String what) {
            List<String> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
            if (list.size() < 20) list.add(what);
        }
    }

    private record Out(String identity, String id, Long version, int partition, long offset, Object value) {}

    private final String bootstrap;
    private final String registryUrl;
    private final TopicContract topics = TopicContract.defaults();

    Checker(String bootstrap, String registryUrl) {
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
    }

    Findings check(List<Workload.Ack> acks) throws Exception {
        Findings f = new Findings();
        f.articlesAcked = acks.size();
        KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
        avro.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", true), false);

        List<Out> articles = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(topics.name(TopicContract.Role.ARTICLES))) {
            EnrichedArticle e = (EnrichedArticle) avro.deserialize(r.topic(), r.value());
            Article a = e.getArticle();
            articles.add(new Out(identity(a.getId(), a.getVersion(), a.getUpdated() == null ? null : a.getUpdated().toEpochMilli(),
                    text(a.getHeadline()) + "\n" + text(a.getBody())), a.getId(), a.getVersion(), r.partition(), r.offset(), e));
        }
        f.articlesOut = articles.size();
        List<Out> json = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(topics.name(TopicContract.Role.ARTICLES_JSON))) json.add(fromJson(r));
        Map<String, List<Out>> countries = new HashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String t : admin.listTopics().names().get()) {
                if (!t.startsWith(topics.countryPrefix())) continue;
                List<Out> list = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : readAll(t)) list.add(fromJson(r));
                countries.put(t.substring(topics.countryPrefix().length()), list);
            }
        }

        // lost: the newest acknowledged version of each id is on news.articles
        Map<String, Long> newest = new HashMap<>();
        for (Workload.Ack a : acks) {
            newest.merge(a.id(), a.version() == null ? -1L : a.version(), Math::max);
        }
        f.idsAcked = newest.size();
        Map<String, Set<Long>> versionsOut = new HashMap<>();
        for (Out o : articles) versionsOut.computeIfAbsent(o.id, k -> new HashSet<>()).add(o.version == null ? -1L : o.version);
        newest.forEach((id, v) -> {
            Set<Long> out = versionsOut.get(id);
            boolean there = out != null && (v < 0 || out.contains(v) || out.stream().anyMatch(x -> x > v));
            if (!there) {
                f.lost++;
                f.example("lost", id + " v" + v + " (out: " + out + ")");
            }
        });

        // duplicated: an identity more than once on one output
        f.duplicated += duplicates("news.articles", articles, f);
        f.duplicated += duplicates("news.articles.json", json, f);
        countries.forEach((code, list) -> f.duplicated += duplicates("country " + code, list, f));

        // torn: on one output but not on another it belongs on
        Set<String> onAvro = articles.stream().map(Out::identity).collect(Collectors.toSet());
        Set<String> onJson = json.stream().map(Out::identity).collect(Collectors.toSet());
        for (String s : onAvro) if (!onJson.contains(s)) { f.torn++; f.example("torn", s + " on news.articles, not on the JSON topic"); }
        for (String s : onJson) if (!onAvro.contains(s)) { f.torn++; f.example("torn", s + " on the JSON topic, not on news.articles"); }
        Map<String, Set<String>> onCountry = new HashMap<>();
        countries.forEach((code, list) -> onCountry.put(code, list.stream().map(Out::identity).collect(Collectors.toSet())));
        for (Out o : json) {
            for (JsonNode c : ((JsonNode) o.value).path("countries")) {
                String code = c.path("code").asText();
                if (!onCountry.getOrDefault(code, Set.of()).contains(o.identity)) {
                    f.torn++;
                    f.example("torn", o.identity + " tagged " + code + ", not on its country topic");
                }
            }
        }

        // out of order: versions of one id going backwards on a partition
        Map<String, Long> lastVersion = new HashMap<>();
        articles.stream().sorted((a, b) -> a.partition != b.partition ? Integer.compare(a.partition, b.partition)
                : Long.compare(a.offset, b.offset)).forEach(o -> {
            if (o.version == null) return;
            Long before = lastVersion.put(o.partition + "|" + o.id, o.version);
            if (before != null && o.version < before) {
                f.outOfOrder++;
                f.example("out_of_order", o.id + " v" + o.version + " after v" + before + " on partition " + o.partition);
            }
        });

        // latest: the last record per id on news.articles.latest is the newest one out, or a tombstone after a kill
        Map<String, EnrichedArticle> lastOut = new HashMap<>();
        articles.stream().sorted((a, b) -> Long.compare(a.offset, b.offset)).forEach(o -> lastOut.put(o.id, (EnrichedArticle) o.value));
        Map<String, EnrichedArticle> latest = new HashMap<>();
        Set<String> tombstoned = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(topics.name(TopicContract.Role.LATEST))) {
            String id = new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
            if (r.value() == null) {
                tombstoned.add(id);
                latest.remove(id);
            } else {
                tombstoned.remove(id);
                latest.put(id, (EnrichedArticle) avro.deserialize(r.topic(), r.value()));
            }
        }
        lastOut.forEach((id, e) -> {
            boolean killed = FinishedArticleValidator.isKillNotice(e.getArticle());
            EnrichedArticle l = latest.get(id);
            boolean right = killed ? tombstoned.contains(id)
                    : l != null && java.util.Objects.equals(l.getArticle().getVersion(), e.getArticle().getVersion())
                            && java.util.Objects.equals(l.getArticle().getUpdated(), e.getArticle().getUpdated());
            if (!right) {
                f.latestWrong++;
                f.example("latest_wrong", id + (killed ? " withdrawn but no tombstone" : " latest is not v" + e.getArticle().getVersion()));
            }
        });

        // trending: no story counts more articles than it has distinct ones on news.articles
        Map<String, Set<String>> storyArticles = new HashMap<>();
        for (Out o : articles) {
            String story = ((EnrichedArticle) o.value).getStoryId();
            if (story != null) storyArticles.computeIfAbsent(story, k -> new HashSet<>()).add(o.id);
        }
        Map<String, TrendingList> lists = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(topics.name(TopicContract.Role.TRENDING))) {
            if (r.value() != null) lists.put(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8),
                    (TrendingList) avro.deserialize(r.topic(), r.value()));
        }
        lists.forEach((region, list) -> {
            for (TrendingEntry e : list.getEntries()) {
                int distinct = storyArticles.getOrDefault(e.getStoryId(), Set.of()).size();
                if (e.getArticles() > distinct) {
                    f.trendingDoubleCounts++;
                    f.example("trending_double_counts", region + " " + e.getStoryId() + ": " + e.getArticles()
                            + " articles counted, " + distinct + " distinct out");
                }
            }
        });

        Set<String> ingestItems = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(topics.name(TopicContract.Role.DEADLETTER))) {
            DeadLetter d = (DeadLetter) avro.deserialize(r.topic(), r.value());
            if ("ingest".equals(d.getStage())) {
                f.deadlettersIngest++;
                if (ingestItems.add(Workload.itemKey(d.getFeed(), bytes(d.getPayload())))) f.deadlettersIngestDistinct++;
            }
            else {
                f.deadlettersOther++;
                f.example("deadletters_unexpected", d.getStage() + ": " + d.getReason());
            }
        }
        avro.close();
        return f;
    }

    private static byte[] bytes(java.nio.ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /** Records not yet visible to read_committed readers: log end minus last stable offset, over every output. */
    long unseen() throws Exception {
        long total = 0;
        List<String> outputs = new ArrayList<>(List.of(topics.name(TopicContract.Role.ARTICLES),
                topics.name(TopicContract.Role.ARTICLES_JSON), topics.name(TopicContract.Role.LATEST),
                topics.name(TopicContract.Role.ENRICHED), topics.name(TopicContract.Role.TRENDING)));
        try (KafkaConsumer<byte[], byte[]> committed = consumer("read_committed");
             KafkaConsumer<byte[], byte[]> uncommitted = consumer("read_uncommitted")) {
            for (String t : outputs) {
                List<TopicPartition> parts = partitions(committed, t);
                Map<TopicPartition, Long> lso = committed.endOffsets(parts, Duration.ofSeconds(30));
                Map<TopicPartition, Long> hw = uncommitted.endOffsets(parts, Duration.ofSeconds(30));
                for (TopicPartition tp : parts) total += Math.max(0, hw.get(tp) - lso.get(tp));
            }
        }
        return total;
    }

    /**
     * Id, version, updated time and a hash of headline and body: an item without a version number (RSS) that is
     * corrected is a new record, the same record twice is a duplicate.
     */
    private static String identity(String id, Long version, Long updatedMs, String content) {
        return id + "#" + (version == null ? "-" : version) + "@" + (updatedMs == null ? "-" : updatedMs)
                + "~" + Integer.toHexString(content.hashCode());
    }

    private static String text(CharSequence s) {
        return s == null ? "" : s.toString();
    }

    private static Out fromJson(ConsumerRecord<byte[], byte[]> r) throws IOException {
        JsonNode n = JSON.readTree(r.value());
        Long version = n.path("version").isNumber() ? n.path("version").asLong() : null;
        Long updated = null;
        if (n.path("updated").isTextual()) updated = java.time.Instant.parse(n.path("updated").asText()).toEpochMilli();
        String content = (n.path("headline").isTextual() ? n.path("headline").asText() : "") + "\n"
                + (n.path("body").isTextual() ? n.path("body").asText() : "");
        return new Out(identity(n.path("id").asText(), version, updated, content), n.path("id").asText(), version,
                r.partition(), r.offset(), n);
    }

    private static int duplicates(String where, List<Out> records, Findings f) {
        Map<String, Integer> seen = new HashMap<>();
        records.forEach(o -> seen.merge(o.identity, 1, Integer::sum));
        int n = 0;
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(seen).entrySet()) {
            if (e.getValue() > 1) {
                n += e.getValue() - 1;
                f.example("duplicated", e.getKey() + " " + e.getValue() + "x on " + where);
            }
        }
        return n;
    }

    private KafkaConsumer<byte[], byte[]> consumer(String isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, String topic) {
        return c.partitionsFor(topic, Duration.ofSeconds(30)).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    /** Every committed record of the topic, up to its last stable offset now. */
    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> c = consumer("read_committed")) {
            List<TopicPartition> parts = partitions(c, topic);
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp, Duration.ofSeconds(30)) < end.get(tp))) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("could not read " + topic + " to " + end);
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }
}
