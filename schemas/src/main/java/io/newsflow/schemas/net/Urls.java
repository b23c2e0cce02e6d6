package io.newsflow.schemas.net;

import java.net.URI;

/**
 * URLs as they may be shown in logs, errors and answers: without user info (registry credentials) or query (feed
 * tokens). Every service prints URLs through this.
 */
public final class Urls {
    private Urls() {}

    /** scheme://host[:port]/path: no user info, no query (feeds put tokens there), no fragment. */
    public static String redact(URI url) {
        if (url == null) return "null";
        if (url.getHost() == null) {
            String scheme = url.getScheme();
            return (scheme == null ? "" : scheme + ":") + "(no host)";
        }
        StringBuilder s = new StringBuilder();
        if (url.getScheme() != null) s.append(url.getScheme()).append("://");
        s.append(url.getHost().contains(":") && !url.getHost().startsWith("[") ? "[" + url.getHost() + "]" : url.getHost());
        if (url.getPort() >= 0) s.append(':').append(url.getPort());
        String path = url.getRawPath();
        s.append(path == null || path.isEmpty() ? "/" : path);
        if (url.getRawQuery() != null) s.append("?...");
        return s.toString();
    }

    /** A configured URL, or a comma-separated list of them, redacted; text that is not a URL keeps only its scheme. */
    public static String redact(String urls) {
        if (urls == null) return "null";
        StringBuilder out = new StringBuilder();
        for (String one : urls.split(",", -1)) {
            if (out.length() > 0) out.append(',');
            try {
                out.append(redact(URI.create(one.trim())));
            } catch (IllegalArgumentException notAUrl) {
                int at = one.lastIndexOf('@');
                out.append(at >= 0 ? "(hidden)@" + one.substring(at + 1).replaceAll("[?#].*", "") : one.replaceAll("[?#].*", ""));
            }
        }
        return out.toString();
    }
}
