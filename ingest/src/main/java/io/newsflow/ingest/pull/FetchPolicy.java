package io.newsflow.ingest.pull;

import io.newsflow.schemas.net.Urls;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a fetch may go. The feed's own host and port, as the operator configured them, are trusted (a feed on an
 * internal host is the operator's choice). Anything else a feed leads to, an item's link or a redirect, must be
 * http or https on an allowed port (80 and 443, plus the source's {@code ports}), on an allowed host when the source
 * lists some ({@code full-text.hosts}), and every address its name resolves to must be public: loopback,
 * link-local, private, unique-local, carrier-grade NAT, multicast, broadcast and unspecified addresses are refused.
 * The address checked is the address connected to ({@link HttpGet}), so a name cannot resolve to another one in
 * between.
 */
public record FetchPolicy(String trustedHost, int trustedPort, Set<Integer> ports, List<String> allowedHosts) {
    static final Set<Integer> DEFAULT_PORTS = Set.of(80, 443);

    public FetchPolicy {
        trustedHost = trustedHost == null ? null : trustedHost.toLowerCase(Locale.ROOT);
        ports = Set.copyOf(ports);
        allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /** The policy of a configured feed URL: its host and port trusted, links and redirects elsewhere checked. */
    public static FetchPolicy trusting(URI configured) {
        return new FetchPolicy(configured.getHost(), port(configured), DEFAULT_PORTS, List.of());
    }

    /** The same policy with more ports and a list of allowed hosts for links ({@code example.com}, {@code .example.org}). */
    public FetchPolicy with(Set<Integer> morePorts, List<String> hosts) {
        java.util.Set<Integer> all = new java.util.HashSet<>(ports);
        all.addAll(morePorts);
        return new FetchPolicy(trustedHost, trustedPort, all, hosts);
    }

    /** A URL that is not of the configured host must name a host on the allow-list, when there is one. */
    boolean hostAllowed(String host) {
        if (allowedHosts.isEmpty()) return true;
        String h = host.toLowerCase(Locale.ROOT);
        for (String allowed : allowedHosts) {
            if (allowed.startsWith(".") ? h.endsWith(allowed) || h.equals(allowed.substring(1)) : h.equals(allowed)) return true;
        }
        return false;
    }

    /**
     * The address to connect to for this URL, or the reason it is refused. Resolves the name once: the caller
     * connects to exactly this address.
     */
    InetAddress resolve(URI url) throws FeedFetcher.FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (!scheme.equals("http") && !scheme.equals("https") || host == null || host.isEmpty()) {
            throw new FeedFetcher.FetchException("refused", Urls.redact(url) + " refused: only http and https URLs with a host are fetched");
        }
        boolean trusted = host.equalsIgnoreCase(trustedHost) && port(url) == trustedPort;
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FeedFetcher.FetchException("unreachable", Urls.redact(url) + " cannot be fetched: unknown host " + host);
        }
        if (trusted) return all[0];
        for (InetAddress a : all) {
            String why = internal(a);
            if (why != null) {
                String what = host.replace("[", "").replace("]", "").equalsIgnoreCase(a.getHostAddress()) ? host + " is"
                        : host + " is " + a.getHostAddress() + ",";
                throw new FeedFetcher.FetchException("refused", Urls.redact(url) + " refused: " + what + " a " + why + " address");
            }
        }
        if (!ports.contains(port(url))) {
            throw new FeedFetcher.FetchException("refused", Urls.redact(url) + " refused: port " + port(url) + " is not allowed ("
                    + ports.stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + ")");
        }
        if (!hostAllowed(host)) {
            throw new FeedFetcher.FetchException("refused", Urls.redact(url) + " refused: " + host + " is not on the source's full-text-hosts");
        }
        return all[0];
    }

    static int port(URI url) {
        if (url.getPort() >= 0) return url.getPort();
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** Why an address is not on the public internet, or null when it is. */
    static String internal(InetAddress a) {
        if (a.isAnyLocalAddress()) return "unspecified";
        if (a.isLoopbackAddress()) return "loopback";
        if (a.isLinkLocalAddress()) return "link-local";
        if (a.isSiteLocalAddress()) return "private";
        if (a.isMulticastAddress()) return "multicast";
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) return "unspecified";                               // 0.0.0.0/8, "this network"
            if (first == 100 && second >= 64 && second <= 127) return "carrier-grade NAT"; // 100.64.0.0/10
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) return "private"; // 192.0.0.0/24, IETF protocol
            if (first == 198 && (second == 18 || second == 19)) return "private"; // 198.18.0.0/15, benchmarking
            if (first >= 240) return "reserved";                                 // 240.0.0.0/4 and broadcast
            return null;
        }
        if ((b[0] & 0xfe) == 0xfc) return "unique-local";                        // fc00::/7
        if (isMapped(b) || isNat64(b)) {                                         // an IPv4 address inside IPv6
            try {
                return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException e) {
                return "malformed";
            }
        }
        return null;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isNat64(byte[] b) {
        return (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    }
}
