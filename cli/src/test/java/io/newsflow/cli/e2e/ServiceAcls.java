package io.newsflow.cli.e2e;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** The ACLs each service needs with the default topic names, group ids and application id (the README's table). */
final class ServiceAcls {
    private ServiceAcls() {}

    static List<AclBinding> all() {
        List<AclBinding> out = new ArrayList<>();
        out.addAll(ingest());
        out.addAll(enrich());
        out.addAll(publish());
        out.addAll(frontpage());
        return out;
    }

    static List<AclBinding> frontpage() {
        List<AclBinding> a = new ArrayList<>();
        // it assigns itself every partition (no group, no commits) and reads them from the start
        topic(a, "frontpage", "news.articles", AclOperation.READ, AclOperation.DESCRIBE);
        topic(a, "frontpage", "news.trending", AclOperation.READ, AclOperation.DESCRIBE);
        return a;
    }

    static List<AclBinding> ingest() {
        List<AclBinding> a = new ArrayList<>();
        topic(a, "ingest", "news.articles.raw", AclOperation.WRITE, AclOperation.DESCRIBE);
        topic(a, "ingest", "news.deadletter", AclOperation.WRITE, AclOperation.DESCRIBE);
        return a;
    }

    static List<AclBinding> enrich() {
        List<AclBinding> a = new ArrayList<>();
        topic(a, "enrich", "news.articles.raw", AclOperation.READ, AclOperation.DESCRIBE);
        topic(a, "enrich", "news.engagement", AclOperation.READ, AclOperation.DESCRIBE);
        for (String t : List.of("news.articles.enriched", "news.trending", "news.deadletter")) {
            topic(a, "enrich", t, AclOperation.WRITE, AclOperation.DESCRIBE);
        }
        // Kafka Streams' changelog and repartition topics, its group and its transactional ids
        add(a, "enrich", ResourceType.TOPIC, "newsflow-enrich-", PatternType.PREFIXED, AclOperation.ALL);
        add(a, "enrich", ResourceType.GROUP, "newsflow-enrich", PatternType.LITERAL, AclOperation.READ);
        add(a, "enrich", ResourceType.TRANSACTIONAL_ID, "newsflow-enrich-", PatternType.PREFIXED, AclOperation.WRITE,
                AclOperation.DESCRIBE);
        return a;
    }

    static List<AclBinding> publish() {
        List<AclBinding> a = new ArrayList<>();
        topic(a, "publish", "news.articles.enriched", AclOperation.READ, AclOperation.DESCRIBE);
        for (String t : List.of("news.articles", "news.articles.json", "news.articles.latest", "news.deadletter")) {
            topic(a, "publish", t, AclOperation.WRITE, AclOperation.DESCRIBE);
        }
        add(a, "publish", ResourceType.TOPIC, "news.articles.country.", PatternType.PREFIXED, AclOperation.CREATE,
                AclOperation.WRITE, AclOperation.DESCRIBE);
        add(a, "publish", ResourceType.GROUP, "newsflow-publish", PatternType.LITERAL, AclOperation.READ);
        add(a, "publish", ResourceType.TRANSACTIONAL_ID, "newsflow-publish-", PatternType.PREFIXED, AclOperation.WRITE,
                AclOperation.DESCRIBE);
        return a;
    }

    private static void topic(List<AclBinding> a, String user, String topic, AclOperation... ops) {
        add(a, user, ResourceType.TOPIC, topic, PatternType.LITERAL, ops);
    }

    private static void add(List<AclBinding> a, String user, ResourceType type, String name, PatternType pattern,
                            AclOperation... ops) {
        for (AclOperation op : ops) {
            a.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW)));
        }
    }
}
