package io.newsflow.ingest.pull;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What one conditional GET of a feed gave.
 *
 * @param status       the final HTTP status (after redirects); 304 = unchanged since the validators sent
 * @param body         the body, bounded; empty for 304 and errors
 * @param contentType  the Content-Type answered, or null
 * @param etag         the ETag answered, or null
 * @param lastModified the Last-Modified answered, or null
 * @param maxAge       Cache-Control max-age, when answered
 * @param retryAfter   Retry-After (seconds or an HTTP date), when answered
 * @param url          where the body came from after redirects
 */
public record FetchResult(int status, byte[] body, String contentType, String etag, String lastModified,
                          Optional<Duration> maxAge, Optional<Duration> retryAfter, URI url) {

    public boolean notModified() {
        return status == 304;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** 429 and 5xx: the server asks for less; the host is backed off. */
    public boolean overloaded() {
        return status == 429 || status >= 500;
    }
}
