package io.newsflow.ingest.pull;

import java.net.URI;

/** URLs as they may be shown: in logs, errors and {@code GET /v1/sources}, without credentials or query tokens. */
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
}
