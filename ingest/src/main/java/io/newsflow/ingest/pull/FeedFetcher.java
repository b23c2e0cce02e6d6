package io.newsflow.ingest.pull;

import io.newsflow.ingest.support.Gzip;
import io.newsflow.schemas.net.Urls;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One conditional GET of a feed: sends the validators it has (If-None-Match, If-Modified-Since), follows at most
 * {@code maxRedirects} redirects itself, gives up after {@code timeout}, and reads at most {@code maxBytes} (gzip
 * included, after decompression): the same bounds as a pushed body.
 */
public final class FeedFetcher {
    static final String USER_AGENT = "newsflow-feed-poller/0.1 (+https://github.com/newsflow)";
    private static final Pattern MAX_AGE = Pattern.compile("(?i)(?:^|[,\\s])max-age\\s*=\\s*(\\d+)");

    private final HttpGet http;
    private final Duration timeout;
    private final int maxRedirects;
    private final long maxBytes;

    public FeedFetcher(Duration timeout, int maxRedirects, long maxBytes) {
        this(timeout, maxRedirects, maxBytes, (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault());
    }

    /** With the TLS of the caller's choice (tests trust their own certificate). */
    public FeedFetcher(Duration timeout, int maxRedirects, long maxBytes, javax.net.ssl.SSLSocketFactory tls) {
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
        this.maxBytes = maxBytes;
        this.http = new HttpGet(tls);
    }

    /** A fetch that could not give a status: no answer, too slow, too many redirects, too large, refused. */
    public static final class FetchException extends Exception {
        private final String kind;

        FetchException(String kind, String message) {
            super(message);
            this.kind = kind;
        }

        /** timeout, unreachable, redirects, too_large, bad_gzip, refused (an address or URL the policy forbids) */
        public String kind() {
            return kind;
        }
    }

    /** A configured feed: its own host is trusted, redirects elsewhere are checked. */
    public FetchResult fetch(URI url, String etag, String lastModified) throws FetchException, InterruptedException {
        return fetch(url, etag, lastModified, FetchPolicy.trusting(url));
    }

    /**
     * One conditional GET under {@code policy}; every hop (the URL and each redirect) is resolved and checked, and
     * connected to at the address checked. {@code timeout} bounds the whole fetch, redirects and body included.
     */
    public FetchResult fetch(URI url, String etag, String lastModified, FetchPolicy policy) throws FetchException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI at = url;
        for (int hop = 0; ; hop++) {
            if (Thread.interrupted()) throw new InterruptedException();
            java.net.InetAddress address = policy.resolve(at);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("User-Agent", USER_AGENT);
            headers.put("Accept", "application/rss+xml, application/atom+xml, application/json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
            headers.put("Accept-Encoding", "gzip");
            if (etag != null) headers.put("If-None-Match", etag);
            if (lastModified != null) headers.put("If-Modified-Since", lastModified);
            HttpGet.Response r;
            try {
                r = http.get(at, address, headers, deadline, maxBytes);
            } catch (HttpGet.TooLarge e) {
                throw new FetchException("too_large", Urls.redact(at) + " sent more than " + maxBytes + " bytes");
            } catch (java.net.SocketTimeoutException e) {
                throw new FetchException("timeout", Urls.redact(at) + " did not answer within " + timeout.toMillis() + " ms");
            } catch (IOException e) {
                throw new FetchException("unreachable", Urls.redact(at) + " cannot be fetched: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            int status = r.status();
            if (status >= 300 && status < 400 && status != 304) {
                Optional<String> location = r.header("Location");
                if (location.isEmpty()) {
                    throw new FetchException("redirects", Urls.redact(at) + " answered " + status + " without a Location");
                }
                if (hop >= maxRedirects) {
                    throw new FetchException("redirects", Urls.redact(url) + " redirected more than " + maxRedirects + " times");
                }
                at = next(at, location.get());
                continue;
            }
            byte[] body = status >= 200 && status < 300 ? gunzip(r, at) : new byte[0];
            return new FetchResult(status, body, r.header("Content-Type").orElse(null), r.header("ETag").orElse(null),
                    r.header("Last-Modified").orElse(null), maxAge(r), retryAfter(r, Instant.now()), at);
        }
    }

    /** Where a redirect leads; a Location that is not an absolute or relative http(s) URL is a named failure. */
    private static URI next(URI at, String location) throws FetchException {
        URI to;
        try {
            to = at.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new FetchException("redirects", Urls.redact(at) + " redirected to a malformed Location");
        }
        if (to.isOpaque() || to.getHost() == null
                || !"http".equalsIgnoreCase(to.getScheme()) && !"https".equalsIgnoreCase(to.getScheme())) {
            throw new FetchException("redirects", Urls.redact(at) + " redirected to a Location that is not an http(s) URL with a host");
        }
        return to;
    }

    private byte[] gunzip(HttpGet.Response r, URI at) throws FetchException {
        boolean gzip = r.header("Content-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
        try {
            return gzip ? Gzip.maybeGunzip(r.body(), maxBytes) : r.body();
        } catch (io.newsflow.ingest.support.DocumentTooLargeException e) {
            throw new FetchException("too_large", Urls.redact(at) + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new FetchException("bad_gzip", Urls.redact(at) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new FetchException("bad_gzip", Urls.redact(at) + ": " + e.getMessage());
        }
    }

    static Optional<Duration> maxAge(HttpGet.Response h) {
        return h.header("Cache-Control").map(MAX_AGE::matcher).filter(Matcher::find)
                .map(m -> Duration.ofSeconds(Long.parseLong(m.group(1))));
    }

    /** Retry-After as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpGet.Response h, Instant now) {
        Optional<String> v = h.header("Retry-After").map(String::trim);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.get()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(Duration.between(now, at).isNegative() ? Duration.ZERO : Duration.between(now, at));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
