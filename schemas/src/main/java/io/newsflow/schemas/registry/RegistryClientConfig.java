package io.newsflow.schemas.registry;

import org.apache.kafka.common.config.ConfigException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry connection settings, read with Confluent's own keys so a producer/consumer config works unchanged
 * with Confluent's client:
 * <ul>
 *   <li>{@code schema.registry.url}: comma-separated base URLs, tried in order; {@code mock://scope} for unit tests</li>
 *   <li>{@code basic.auth.credentials.source}: {@code URL} (default: user info in the URL), {@code USER_INFO}</li>
 *   <li>{@code basic.auth.user.info}: {@code user:password} when the source is USER_INFO</li>
 *   <li>{@code http.connect.timeout.ms}, {@code http.read.timeout.ms}: default 60000 as in Confluent's client</li>
 *   <li>{@code latest.cache.ttl.sec}: how long a "latest version" answer is cached; -1 (default) = forever</li>
 * </ul>
 * Keys are also accepted with the {@code schema.registry.} prefix, as Confluent's serdes do.
 */
public record RegistryClientConfig(List<String> urls, Optional<String> authorizationHeader,
                                   Duration connectTimeout, Duration readTimeout, Optional<Duration> latestCacheTtl,
                                   Duration retryFor) {

    public static final String URL = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String MOCK_SCHEME = "mock://";
    /** How long a request is retried on a 5xx, a 429 or no answer before the error reaches the caller (0 = never). */
    public static final String RETRY_MAX_MS = "schema.registry.retry.max.ms";
    public static final long DEFAULT_RETRY_MAX_MS = 10_000;
    private static final String PREFIX = "schema.registry.";
    private static final long DEFAULT_TIMEOUT_MS = 60_000;

    /** Reads the settings; fails with a message saying which key to set when they are unusable. */
    public static RegistryClientConfig from(Map<String, ?> configs) {
        ConfigValues values = new ConfigValues(configs);
        List<String> rawUrls = values.list(URL);
        if (rawUrls.isEmpty()) {
            throw new ConfigException("Missing " + URL + ": set it to the registry's base URL, e.g. "
                    + "http://127.0.0.1:8081/apis/ccompat/v7 (Apicurio) or http://host:8081 (Confluent), "
                    + "or mock://<scope> in unit tests");
        }
        String source = values.string("URL", CREDENTIALS_SOURCE, PREFIX + CREDENTIALS_SOURCE);
        String userInfo = values.string(null, USER_INFO, PREFIX + USER_INFO);
        List<String> urls = new ArrayList<>();
        String urlUserInfo = null;
        for (String raw : rawUrls) {
            if (raw.startsWith(MOCK_SCHEME)) {
                urls.add(raw);
                continue;
            }
            URI uri = parse(raw);
            if (uri.getRawUserInfo() != null) {
                urlUserInfo = java.net.URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            }
            urls.add(withoutUserInfo(uri));
        }
        if (urls.size() > 1 && urls.stream().anyMatch(u -> u.startsWith(MOCK_SCHEME))) {
            throw new ConfigException(URL, io.newsflow.schemas.net.Urls.redact(String.join(",", rawUrls)), "a mock:// URL cannot be combined with other URLs");
        }
        Optional<String> header = switch (source.toUpperCase(java.util.Locale.ROOT)) {
            case "URL" -> Optional.ofNullable(urlUserInfo).map(RegistryClientConfig::basic);
            case "USER_INFO" -> {
                if (userInfo == null || !userInfo.contains(":")) {
                    throw new ConfigException(USER_INFO, userInfo == null ? null : "(hidden)",
                            CREDENTIALS_SOURCE + "=USER_INFO needs " + USER_INFO + "=<user>:<password>");
                }
                yield Optional.of(basic(userInfo));
            }
            default -> throw new ConfigException(CREDENTIALS_SOURCE, source,
                    "supported sources are URL and USER_INFO (SASL_INHERIT is not supported)");
        };
        long connectMs = values.number(DEFAULT_TIMEOUT_MS, CONNECT_TIMEOUT_MS, PREFIX + CONNECT_TIMEOUT_MS);
        long readMs = values.number(DEFAULT_TIMEOUT_MS, READ_TIMEOUT_MS, PREFIX + READ_TIMEOUT_MS);
        if (connectMs <= 0 || readMs <= 0) {
            throw new ConfigException(CONNECT_TIMEOUT_MS + " and " + READ_TIMEOUT_MS + " must be positive");
        }
        long ttlSec = values.number(-1, LATEST_CACHE_TTL_SEC, PREFIX + LATEST_CACHE_TTL_SEC);
        long retryMs = values.number(DEFAULT_RETRY_MAX_MS, RETRY_MAX_MS);
        if (retryMs < 0) throw new ConfigException(RETRY_MAX_MS + " must be 0 or more, got " + retryMs);
        return new RegistryClientConfig(List.copyOf(urls), header, Duration.ofMillis(connectMs),
                Duration.ofMillis(readMs), ttlSec < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(ttlSec)),
                Duration.ofMillis(retryMs));
    }

    /** The mock scope when the URL is mock://scope, else empty. */
    public Optional<String> mockScope() {
        String first = urls.get(0);
        return first.startsWith(MOCK_SCHEME) ? Optional.of(first.substring(MOCK_SCHEME.length())) : Optional.empty();
    }

    private static URI parse(String raw) {
        try {
            URI uri = URI.create(raw);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an http(s) URL with a host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(URL, io.newsflow.schemas.net.Urls.redact(raw),
                    "expected http(s)://host:port[/path] or mock://scope (" + e.getMessage().replace(raw, "the URL") + ")");
        }
    }

    private static String withoutUserInfo(URI uri) {
        String text = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        // never print credentials
        return "RegistryClientConfig[urls=" + urls + ", auth=" + (authorizationHeader.isPresent() ? "basic" : "none")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
