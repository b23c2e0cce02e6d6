package io.newsflow.ingest.pull;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One feed ingest polls because it pushes nothing: {@code ingest.pull.NAME.url}, {@code .format} (auto, rss, atom,
 * ninjs, newsml, html, text), {@code .interval} (ISO-8601, PT5M), {@code .feed} (the feed its items count under;
 * default NAME), {@code .full-text} (false; true fetches each item's article page for its body, see {@link FullText}),
 * {@code .full-text-hosts} (the hosts article pages may come from, {@code example.com} or {@code .example.com} for
 * every name under it; default any public host), {@code .ports} (ports links and redirects may use besides 80 and
 * 443). The feed's own host is trusted as configured; see {@link FetchPolicy}. Builders fail early, naming the key
 * and how to fix it.
 */
public record PullSource(String name, URI url, String format, Duration interval, String feed, boolean fullText,
                         java.util.Set<Integer> ports, List<String> fullTextHosts) {
    public static final String PREFIX = "ingest.pull.";
    /** The shortest interval accepted: more often than this is not polite to anyone's server. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(10);

    /** A source whose items keep the text the feed gives. */
    public PullSource(String name, URI url, String format, Duration interval, String feed) {
        this(name, url, format, interval, feed, false);
    }

    public PullSource(String name, URI url, String format, Duration interval, String feed, boolean fullText) {
        this(name, url, format, interval, feed, fullText, java.util.Set.of(), List.of());
    }

    public PullSource {
        ports = java.util.Set.copyOf(ports);
        fullTextHosts = List.copyOf(fullTextHosts);
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException(PREFIX + name + ".url must be an http or https URL, got '" + url + "'");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(PREFIX + name + ".interval must be positive, got " + interval);
        }
    }

    /** Where this source's fetches may go: its own host as configured, links and redirects public only. */
    public FetchPolicy policy() {
        return FetchPolicy.trusting(url).with(ports, fullTextHosts);
    }

    public String host() {
        return url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** Every {@code ingest.pull.NAME.*} source in the settings; settings of the poller itself ({@code host.*}) are not sources. */
    public static List<PullSource> all(Properties settings) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (String k : settings.stringPropertyNames()) {
            if (!k.startsWith(PREFIX)) {
                continue;
            }
            String rest = k.substring(PREFIX.length());
            int dot = rest.lastIndexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException(k + ": expected " + PREFIX + "NAME.url (or .format, .interval, .feed)");
            }
            String name = rest.substring(0, dot);
            if (name.equals("host") || name.startsWith("host.")) {
                continue;
            }
            byName.computeIfAbsent(name, n -> new TreeMap<>()).put(rest.substring(dot + 1), settings.getProperty(k).trim());
        }
        List<PullSource> out = new ArrayList<>();
        byName.forEach((name, keys) -> out.add(of(name, keys)));
        return out;
    }

    private static PullSource of(String name, Map<String, String> keys) {
        for (String key : keys.keySet()) {
            if (!List.of("url", "format", "interval", "feed", "full-text", "full-text-hosts", "ports").contains(key)) {
                throw new IllegalArgumentException(PREFIX + name + "." + key
                        + ": unknown setting (url, format, interval, feed, full-text, full-text-hosts, ports)");
            }
        }
        String url = keys.get("url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(PREFIX + name + ".url is missing: every pulled source needs the address of its feed");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + name + ".url is not a URL: " + e.getMessage());
        }
        Duration interval;
        try {
            interval = Duration.parse(keys.getOrDefault("interval", "PT5M"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PREFIX + name + ".interval must be an ISO-8601 duration such as PT5M, got '"
                    + keys.get("interval") + "'");
        }
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException(PREFIX + name + ".interval must be at least " + MIN_INTERVAL
                    + " (polling more often is not polite to the source), got " + interval);
        }
        String format = keys.getOrDefault("format", "auto").toLowerCase(Locale.ROOT);
        String fullText = keys.getOrDefault("full-text", "false");
        if (!fullText.equals("true") && !fullText.equals("false")) {
            throw new IllegalArgumentException(PREFIX + name + ".full-text must be true or false, got '" + fullText + "'");
        }
        java.util.Set<Integer> ports = new java.util.TreeSet<>();
        for (String port : keys.getOrDefault("ports", "").split(",")) {
            if (port.isBlank()) continue;
            try {
                int p = Integer.parseInt(port.trim());
                if (p < 1 || p > 65535) throw new NumberFormatException();
                ports.add(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PREFIX + name + ".ports must list port numbers (1-65535) separated by"
                        + " commas, got '" + keys.get("ports") + "'");
            }
        }
        List<String> hosts = java.util.Arrays.stream(keys.getOrDefault("full-text-hosts", "").split(","))
                .map(String::trim).filter(h -> !h.isEmpty()).toList();
        return new PullSource(name, uri, format, interval, keys.getOrDefault("feed", name), Boolean.parseBoolean(fullText),
                ports, hosts);
    }
}
