package io.newsflow.generator;

/** Formats the generator delivers, with the Content-Type sent for each. */
public enum WireFormat {
    NINJS("application/vnd.iptc.ninjs+json"),
    RSS("application/rss+xml; charset=utf-8"),
    NEWSML("application/vnd.iptc.g2.newsitem+xml");

    private final String contentType;

    WireFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
