package io.newsflow.ingest.pull;

import io.newsflow.ingest.Document;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.html.HtmlPageParser;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.net.Urls;
import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For feeds that carry only summaries ({@code ingest.pull.NAME.full-text=true}): the article page of each item
 * whose body is missing or shorter than {@code MIN_BODY} is fetched, with the same fetcher (limits, redirects,
 * timeouts) and at least the host gap between two page requests, and its main text, found by the HTML extractor,
 * becomes the body. A page that cannot be fetched or read leaves the item as the feed had it.
 */
public final class FullText implements UnaryOperator<Article> {
    private static final Logger log = LoggerFactory.getLogger(FullText.class);
    static final int MIN_BODY = 400;

    private final FeedFetcher fetcher;
    private final Duration gap;
    private final FetchPolicy policy;
    private final java.util.function.Consumer<String> refused;
    private final HtmlPageParser html = new HtmlPageParser();
    private long lastRequestNanos;

    /**
     * @param policy  where article pages may be fetched from: the source's own host, else public addresses only
     * @param refused told of each link the policy refused, to be named in the source's health
     */
    public FullText(FeedFetcher fetcher, Duration gap, FetchPolicy policy, java.util.function.Consumer<String> refused) {
        this.fetcher = fetcher;
        this.gap = gap;
        this.policy = policy;
        this.refused = refused;
    }

    @Override
    public Article apply(Article a) {
        if (a.getUrl() == null || a.getBody() != null && a.getBody().length() >= MIN_BODY) {
            return a;
        }
        URI page;
        try {
            page = URI.create(a.getUrl());
        } catch (IllegalArgumentException e) {
            return a;
        }
        if (!"http".equals(page.getScheme()) && !"https".equals(page.getScheme()) || page.getHost() == null) {
            return a;
        }
        politeWait();
        try {
            FetchResult r = fetcher.fetch(page, null, null, policy);
            if (!r.ok()) {
                log.info("full text of id={} not fetched: {} answered {}", a.getId(), Urls.redact(page), r.status());
                return a;
            }
            ParseResult parsed = html.parse(new Document(page.toString(), r.contentType(), r.body()));
            if (parsed.articles().isEmpty() || parsed.articles().get(0).getBody() == null) {
                return a;
            }
            String body = parsed.articles().get(0).getBody();
            if (a.getBody() != null && body.length() <= a.getBody().length()) {
                return a;
            }
            a.setBody(body);
            if (a.getSummary() == null) {
                a.setSummary(parsed.articles().get(0).getSummary());
            }
            return a;
        } catch (FeedFetcher.FetchException e) {
            if ("refused".equals(e.kind())) {
                log.warn("full text of id={} refused: {}", a.getId(), e.getMessage());
                refused.accept(e.getMessage());
            } else {
                log.info("full text of id={} not fetched: {}", a.getId(), e.getMessage());
            }
            return a;
        } catch (io.newsflow.ingest.ParseException | RuntimeException e) {
            log.info("full text of id={} not read from {}: {}", a.getId(), Urls.redact(page), e.getMessage());
            return a;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return a;
        } finally {
            lastRequestNanos = System.nanoTime();
        }
    }

    private void politeWait() {
        long waitMs = (lastRequestNanos + gap.toNanos() - System.nanoTime()) / 1_000_000;
        if (lastRequestNanos != 0 && waitMs > 0) {
            try {
                Thread.sleep(waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
