package io.newsflow.ingest.pull;

import io.newsflow.ingest.support.Gzip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
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

    private final HttpClient http;
    private final Duration timeout;
    private final int maxRedirects;
    private final long maxBytes;

    public FeedFetcher(Duration timeout, int maxRedirects, long maxBytes) {
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER) // counted and bounded here
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A fetch that could not give a status: no answer, too slow, too many redirects, too large. */
    public static final class FetchException extends Exception {
        private final String kind;

        FetchException(String kind, String message) {
            super(message);
            this.kind = kind;
        }

        /** timeout, unreachable, redirects, too_large, bad_gzip */
        public String kind() {
            return kind;
        }
    }

    public FetchResult fetch(URI url, String etag, String lastModified) throws FetchException, InterruptedException {
        URI at = url;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder req = HttpRequest.newBuilder(at).timeout(timeout).GET()
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
                    .header("Accept-Encoding", "gzip");
            if (etag != null) {
                req.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                req.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> r;
            try {
                r = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                throw new FetchException("timeout", at + " did not answer within " + timeout.toMillis() + " ms");
            } catch (IOException e) {
                throw new FetchException("unreachable", at + " cannot be fetched: " + e);
            }
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                drain(r);
                Optional<String> location = r.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new FetchException("redirects", at + " answered " + status + " without a Location");
                }
                if (hop >= maxRedirects) {
                    throw new FetchException("redirects", url + " redirected more than " + maxRedirects + " times (last to " + location.get() + ")");
                }
                at = at.resolve(location.get());
                continue;
            }
            HttpHeaders h = r.headers();
            byte[] body = status >= 200 && status < 300 ? read(r, at) : drain(r);
            return new FetchResult(status, body, h.firstValue("Content-Type").orElse(null), h.firstValue("ETag").orElse(null),
                    h.firstValue("Last-Modified").orElse(null), maxAge(h), retryAfter(h, Instant.now()), at);
        }
    }

    private byte[] read(HttpResponse<InputStream> r, URI at) throws FetchException {
        try (InputStream in = r.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new FetchException("too_large", at + " sent more than " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
            byte[] body = out.toByteArray();
            boolean gzip = r.headers().firstValue("Content-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
            return gzip ? Gzip.maybeGunzip(body, maxBytes) : body;
        } catch (IllegalArgumentException e) {
            throw new FetchException("too_large", at + ": " + e.getMessage());
        } catch (IOException e) {
            throw new FetchException(e instanceof HttpTimeoutException ? "timeout" : "unreachable", at + " broke off the body: " + e);
        }
    }

    private static byte[] drain(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            in.skip(64 * 1024);
        } catch (IOException ignored) {
            // the status is what matters
        }
        return new byte[0];
    }

    static Optional<Duration> maxAge(HttpHeaders h) {
        return h.firstValue("Cache-Control").map(MAX_AGE::matcher).filter(Matcher::find)
                .map(m -> Duration.ofSeconds(Long.parseLong(m.group(1))));
    }

    /** Retry-After as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpHeaders h, Instant now) {
        Optional<String> v = h.firstValue("Retry-After").map(String::trim);
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
