package io.newsflow.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsflow.schemas.net.Urls;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which URLs a source may lead ingest to: its own host as configured, else public addresses on allowed ports. */
class FetchPolicyTest {
    private final FetchPolicy policy = FetchPolicy.trusting(URI.create("http://127.0.0.1:8089/feed.rss"));

    private String refusal(String url) {
        FeedFetcher.FetchException e = assertThrows(FeedFetcher.FetchException.class, () -> policy.resolve(URI.create(url)));
        assertThat(e.kind()).isEqualTo("refused");
        return e.getMessage();
    }

    @Test
    void everyInternalKindOfAddressIsNamed() throws Exception {
        assertThat(FetchPolicy.internal(InetAddress.getByName("127.0.0.2"))).isEqualTo("loopback");
        assertThat(FetchPolicy.internal(InetAddress.getByName("::1"))).isEqualTo("loopback");
        assertThat(FetchPolicy.internal(InetAddress.getByName("169.254.169.254"))).isEqualTo("link-local");
        assertThat(FetchPolicy.internal(InetAddress.getByName("fe80::1"))).isEqualTo("link-local");
        assertThat(FetchPolicy.internal(InetAddress.getByName("10.1.2.3"))).isEqualTo("private");
        assertThat(FetchPolicy.internal(InetAddress.getByName("172.16.0.9"))).isEqualTo("private");
        assertThat(FetchPolicy.internal(InetAddress.getByName("192.168.1.1"))).isEqualTo("private");
        assertThat(FetchPolicy.internal(InetAddress.getByName("fd12:3456::1"))).isEqualTo("unique-local");
        assertThat(FetchPolicy.internal(InetAddress.getByName("100.100.1.1"))).isEqualTo("carrier-grade NAT");
        assertThat(FetchPolicy.internal(InetAddress.getByName("224.0.0.1"))).isEqualTo("multicast");
        assertThat(FetchPolicy.internal(InetAddress.getByName("0.0.0.0"))).isEqualTo("unspecified");
        assertThat(FetchPolicy.internal(InetAddress.getByName("::"))).isEqualTo("unspecified");
        assertThat(FetchPolicy.internal(InetAddress.getByName("255.255.255.255"))).isEqualTo("reserved");
        assertThat(FetchPolicy.internal(InetAddress.getByName("64:ff9b::a9fe:a9fe"))).as("169.254.169.254 through NAT64")
                .isEqualTo("link-local");
        assertThat(FetchPolicy.internal(InetAddress.getByName("93.184.216.34"))).isNull();
        assertThat(FetchPolicy.internal(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"))).isNull();
    }

    @Test
    void linksToInternalAddressesAreRefusedNamingTheAddress() {
        assertThat(refusal("http://127.0.0.2:8089/page.html")).contains("127.0.0.2", "loopback");
        assertThat(refusal("http://169.254.169.254/latest/meta-data/")).contains("169.254.169.254", "link-local");
        assertThat(refusal("http://localhost/admin")).contains("localhost is 127.0.0.1", "loopback");
        assertThat(refusal("http://10.0.0.8/")).contains("private");
        assertThat(refusal("http://[::ffff:127.0.0.1]/")).contains("loopback");
        assertThat(refusal("http://[fd00::5]/")).contains("unique-local");
        assertThat(refusal("http://0.0.0.0/")).contains("unspecified");
    }

    @Test
    void theConfiguredHostIsTrustedOnItsOwnPortOnly() throws Exception {
        assertThat(policy.resolve(URI.create("http://127.0.0.1:8089/other/page.html")).getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(refusal("http://127.0.0.1:9090/")).as("another port of the trusted host").contains("loopback");
        assertThat(refusal("http://127.0.0.1/")).contains("loopback");
    }

    @Test
    void portsSchemesAndTheHostAllowListAreEnforcedOnPublicAddresses() throws Exception {
        assertThat(policy.resolve(URI.create("https://93.184.216.34/news")).getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(refusal("http://93.184.216.34:8080/")).contains("port 8080 is not allowed (80, 443)");
        FetchPolicy wider = policy.with(Set.of(8080), List.of(".example.com"));
        assertThat(wider.hostAllowed("news.example.com")).isTrue();
        assertThat(wider.hostAllowed("example.com")).isTrue();
        assertThat(wider.hostAllowed("evil-example.com")).isFalse();
        FeedFetcher.FetchException notListed = assertThrows(FeedFetcher.FetchException.class,
                () -> wider.resolve(URI.create("http://93.184.216.34:8080/")));
        assertThat(notListed.getMessage()).contains("not on the source's full-text-hosts");
        assertThat(refusal("ftp://93.184.216.34/x")).contains("only http and https");
        assertThat(refusal("http:opaque-link")).contains("only http and https URLs with a host");
    }

    @Test
    void urlsAreShownWithoutCredentialsOrQueryTokens() {
        assertThat(Urls.redact(URI.create("https://user:secret@feeds.example.com:8443/ap.rss?token=abc#x")))
                .isEqualTo("https://feeds.example.com:8443/ap.rss?...");
        assertThat(Urls.redact(URI.create("http://[::1]/"))).isEqualTo("http://[::1]/");
        assertThat(refusal("http://user:pw@127.0.0.2:8089/p?key=s3cret")).doesNotContain("pw", "s3cret", "user");
    }
}
