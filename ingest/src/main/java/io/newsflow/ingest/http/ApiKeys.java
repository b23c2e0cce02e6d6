package io.newsflow.ingest.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** Feed API keys: which feed a Bearer key belongs to, compared in constant time. */
public final class ApiKeys {
    private final Map<String, String> keyByFeed;

    public ApiKeys(Map<String, String> keyByFeed) {
        this.keyByFeed = Map.copyOf(keyByFeed);
    }

    /** The feed owning this key, or null. */
    public String feedFor(String key) {
        if (key == null) return null;
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        String match = null;
        for (Map.Entry<String, String> e : keyByFeed.entrySet()) {
            // every key is compared, so timing does not tell which feed came close
            if (MessageDigest.isEqual(given, e.getValue().getBytes(StandardCharsets.UTF_8))) match = e.getKey();
        }
        return match;
    }
}
