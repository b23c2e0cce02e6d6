package io.newsflow.ingest;

import java.util.Objects;

/**
 * One document to parse: its name (file path or request id, used in error messages), the declared
 * media type with parameters (e.g. {@code application/rss+xml; charset=windows-1251}, may be null) and its bytes
 * (already gunzipped and size-checked by the caller).
 */
public record Document(String name, String contentType, byte[] bytes) {
    public Document {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The media type without parameters, lowercase, or null. */
    public String mediaType() {
        if (contentType == null || contentType.isBlank()) return null;
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The {@code charset} parameter of the content type, or null. */
    public String declaredCharset() {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).trim().replace("\"", "");
            }
        }
        return null;
    }
}
