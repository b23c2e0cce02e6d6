package io.newsflow.harness.appends;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.coordinator.transaction.generated.TransactionLogKey;
import org.apache.kafka.coordinator.transaction.generated.TransactionLogValue;

/**
 * What the cluster writes, measured from outside over a window: the log appends of every topic (internal ones
 * included) as the growth of its log end offsets, split into data records (what a read_uncommitted reader gets) and
 * transaction markers (the offsets it skips), with the commits and aborts each transactional producer group completed
 * (read from {@code __transaction_state}). Per accepted article: divided by the data records on the raw topic.
 */
public final class LogAppends {
    private static final String TRANSACTION_STATE = "__transaction_state";
    private static final byte COMPLETE_COMMIT = 4;
    private static final byte COMPLETE_ABORT = 5;

    /**
     * Appends of one topic row (a country topic's copies summed as one row): data records, and offsets deleted before
     * they could be read ({@code purged}: Kafka Streams deletes what it has consumed of a repartition topic), which
     * hold data and markers in unknown shares.
     */
    public record Row(String topic, long appends, long data, long purged) {
        long markers() {
            return appends - data - purged;
        }
    }

    public record Result(List<Row> rows, long articles, Map<String, long[]> transactions) {
        public long total() {
            return rows.stream().mapToLong(Row::appends).sum();
        }

        long data() {
            return rows.stream().mapToLong(Row::data).sum();
        }

        long purged() {
            return rows.stream().mapToLong(Row::purged).sum();
        }

        long markers() {
            return total() - data() - purged();
        }

        /** Appends per accepted article (per data record on the raw topic). */
        public double perArticle() {
            return total() / per();
        }

        /** What per-article figures are divided by: the articles, at least 1. */
        double per() {
            return Math.max(articles, 1);
        }
    }

    private LogAppends() {}

    public static Map<TopicPartition, Long> endOffsets(Admin admin) {
        try {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(t -> t.partitions().forEach(p ->
                    latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading log end offsets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read log end offsets: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Reads what was appended between the two snapshots and sorts it into rows, articles and transactions. */
    public static Result between(Properties client, Map<TopicPartition, Long> before, Map<TopicPartition, Long> after, String rawTopic) {
        Map<TopicPartition, long[]> ranges = new HashMap<>();
        after.forEach((tp, end) -> {
            long start = before.getOrDefault(tp, 0L);
            if (end > start) ranges.put(tp, new long[] {start, end});
        });
        Map<String, long[]> perRow = new TreeMap<>();
        Map<String, long[]> transactions = new TreeMap<>();
        long[] articles = {0};
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-topics-appends");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<TopicPartition, Long> purged = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(ranges.keySet());
            Map<TopicPartition, Long> first = consumer.beginningOffsets(ranges.keySet());
            ranges.forEach((tp, r) -> {
                long from = Math.max(r[0], Math.min(first.getOrDefault(tp, r[0]), r[1]));
                if (from > r[0]) purged.put(tp, from - r[0]);
                consumer.seek(tp, from);
            });
            Map<TopicPartition, Long> data = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (ranges.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()[1])
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    long[] range = ranges.get(tp);
                    if (range == null || r.offset() >= range[1]) continue;
                    data.merge(tp, 1L, Long::sum);
                    if (r.topic().equals(rawTopic)) articles[0]++;
                    if (r.topic().equals(TRANSACTION_STATE)) countTransaction(r, transactions);
                }
                // what is past the window's end is not read: pause those partitions
                for (TopicPartition tp : consumer.assignment()) {
                    if (consumer.position(tp) >= ranges.get(tp)[1]) consumer.pause(Set.of(tp));
                }
            }
            ranges.forEach((tp, r) -> {
                long[] row = perRow.computeIfAbsent(row(tp.topic()), k -> new long[3]);
                row[0] += r[1] - r[0];
                row[1] += data.getOrDefault(tp, 0L);
                row[2] += purged.getOrDefault(tp, 0L);
            });
        }
        List<Row> rows = new ArrayList<>();
        perRow.forEach((name, v) -> rows.add(new Row(name, v[0], v[1], v[2])));
        rows.sort((a, b) -> Long.compare(b.appends(), a.appends()));
        return new Result(rows, articles[0], transactions);
    }

    /** Completed commits and aborts, per transactional producer group (an instance's number or UUID left out). */
    private static void countTransaction(ConsumerRecord<byte[], byte[]> r, Map<String, long[]> transactions) {
        if (r.key() == null || r.value() == null) return;
        try {
            ByteBuffer k = ByteBuffer.wrap(r.key());
            short keyVersion = k.getShort();
            String id = new TransactionLogKey(new ByteBufferAccessor(k), keyVersion).transactionalId();
            ByteBuffer v = ByteBuffer.wrap(r.value());
            short valueVersion = v.getShort();
            byte status = new TransactionLogValue(new ByteBufferAccessor(v), valueVersion).transactionStatus();
            if (status == COMPLETE_COMMIT) transactions.computeIfAbsent(producerGroup(id), g -> new long[2])[0]++;
            if (status == COMPLETE_ABORT) transactions.computeIfAbsent(producerGroup(id), g -> new long[2])[1]++;
        } catch (RuntimeException unreadable) {
            // a record of a layout this client does not know: counted as data, not as a transaction
        }
    }

    private static final Pattern INSTANCE = Pattern.compile(
            "^(.*?)-(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:-\\d+)?|\\d+)$");

    static String producerGroup(String transactionalId) {
        Matcher m = INSTANCE.matcher(transactionalId);
        return m.matches() ? m.group(1) + "-*" : transactionalId;
    }

    /** news.articles.country.&lt;CC&gt; as one row. */
    private static final Pattern COUNTRY = Pattern.compile("(.*\\.country\\.)[A-Za-z]{2}");

    static String row(String topic) {
        Matcher m = COUNTRY.matcher(topic);
        return m.matches() ? m.group(1) + "*" : topic;
    }

    /** One line: appends per accepted article, and their data records, markers and purged offsets. */
    public static String summary(Result r) {
        double per = r.per();
        return String.format(Locale.ROOT, "%.2f appends per article (%.2f data records, %.2f markers, %.2f purged"
                + " before read) over %,d articles", r.perArticle(), r.data() / per, r.markers() / per,
                r.purged() / per, r.articles());
    }

    public static void print(Result r, Duration window, PrintWriter out) {
        double per = r.per();
        out.printf(Locale.ROOT, "log appends over %d s, %,d articles accepted (data records on the raw topic):%n",
                window.toSeconds(), r.articles());
        out.printf(Locale.ROOT, "  %-52s %10s %9s %9s %9s %9s%n", "topic", "appends", "data", "markers", "purged", "/article");
        for (Row row : r.rows()) {
            out.printf(Locale.ROOT, "  %-52s %,10d %,9d %,9d %,9d %9.2f%n", row.topic(), row.appends(), row.data(),
                    row.markers(), row.purged(), row.appends() / per);
        }
        out.printf(Locale.ROOT, "  %-52s %,10d %,9d %,9d %,9d %9.2f%n", "total", r.total(), r.data(), r.markers(),
                r.purged(), r.perArticle());
        out.printf(Locale.ROOT, "  per article: %.2f data records, %.2f markers, %.2f purged before read (data and "
                + "markers)%n", r.data() / per, r.markers() / per, r.purged() / per);
        out.println("transactions completed, by producer:");
        r.transactions().forEach((group, c) -> out.printf(Locale.ROOT, "  %-52s %,9d commits %,6d aborts (%.3f commits/article)%n",
                group, c[0], c[1], c[0] / per));
        out.flush();
    }
}
