package io.newsflow.ingest.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable article ids: the source's own guid/uri when it has one; otherwise a hash of source + url
 * (or source + headline when there is no url), so the same story re-sent gets the same id.
 */
public final class Ids {
    private Ids() {}

    /** The source id trimmed, or the hash fallback; null only when there is nothing to identify the item by. */
    public static String stableId(String sourceId, String source, String url, String headline) {
        String own = Texts.clean(sourceId);
        if (own != null) return own;
        String key = Texts.clean(url);
        if (key == null) {
            String h = Texts.clean(headline);
            if (h == null) return null;
            key = h.toLowerCase(Locale.ROOT);
        }
        String s = Texts.clean(source);
        return "sha256:" + sha256Hex((s == null ? "" : s.toLowerCase(Locale.ROOT)) + "\n" + key).substring(0, 32);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
