package io.newsflow.schemas.topics;

import io.newsflow.schemas.topics.TopicContract.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-service topic keys of the previous release ({@code ingest.topic.raw}, {@code publish.topic.latest}, ...):
 * still read, for this release only, as the {@code topics.name.*} key each stands for, with a warning naming that key.
 * The same topic named two ways is refused rather than guessed.
 */
final class LegacyTopicKeys {
    private static final Logger log = LoggerFactory.getLogger(LegacyTopicKeys.class);
    /** A blank {@code enrich.topic.engagement} meant: read no engagement topic. */
    static final String ENGAGEMENT_OFF = "enrich.engagement.enabled";
    static final Map<String, String> REPLACED_BY = new LinkedHashMap<>();
    private static final Set<String> warned = ConcurrentHashMap.newKeySet();

    static {
        alias("ingest.topic.raw", Role.RAW);
        alias("ingest.topic.deadletter", Role.DEADLETTER);
        alias("enrich.topic.raw", Role.RAW);
        alias("enrich.topic.enriched", Role.ENRICHED);
        alias("enrich.topic.trending", Role.TRENDING);
        alias("enrich.topic.engagement", Role.ENGAGEMENT);
        alias("publish.topic.enriched", Role.ENRICHED);
        alias("publish.topic.articles", Role.ARTICLES);
        alias("publish.topic.articles.json", Role.ARTICLES_JSON);
        alias("publish.topic.latest", Role.LATEST);
        alias("publish.topic.deadletter", Role.DEADLETTER);
        REPLACED_BY.put("publish.topic.country.prefix", TopicContract.NAME_PREFIX + "country.prefix");
    }

    private LegacyTopicKeys() {}

    private static void alias(String legacy, Role role) {
        REPLACED_BY.put(legacy, role.configKey());
    }

    /** {@code p} with each old key moved to its {@code topics.name.*} key; {@code p} itself when it has none. */
    static Properties apply(Properties p) {
        Properties out = null;
        for (Map.Entry<String, String> e : REPLACED_BY.entrySet()) {
            String old = p.getProperty(e.getKey());
            if (old == null) continue;
            if (out == null) {
                out = new Properties();
                out.putAll(p);
            }
            String key = e.getValue();
            if (old.isBlank()) {
                if (e.getKey().equals("enrich.topic.engagement")) {
                    warnOnce(e.getKey(), e.getKey() + " (blank) is read for this release only: set " + ENGAGEMENT_OFF + "=false");
                    continue;
                }
                throw new IllegalArgumentException(e.getKey() + " cannot be empty (and is replaced by " + key + ")");
            }
            String current = p.getProperty(key);
            if (current != null && !current.trim().equals(old.trim())) {
                throw new IllegalArgumentException(e.getKey() + "=" + old.trim() + " and " + key + "=" + current.trim()
                        + " name the same topic differently: keep " + key + " and remove " + e.getKey());
            }
            warnOnce(e.getKey(), e.getKey() + " is read for this release only: set " + key + "=" + old.trim() + " instead");
            out.setProperty(key, old.trim());
        }
        return out == null ? p : out;
    }

    private static void warnOnce(String key, String message) {
        if (warned.add(key)) log.warn(message);
    }
}
