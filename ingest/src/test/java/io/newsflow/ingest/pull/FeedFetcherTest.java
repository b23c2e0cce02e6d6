package io.newsflow.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsflow.ingest.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** One fetch against local servers: where it may go, how long it may take, what a server may answer. */
class FeedFetcherTest {
    private static final byte[] RSS = Fixtures.bytes("feed/windows-1251.rss");

    @Test
    void aRedirectOfTheConfiguredFeedToAnotherInternalAddressIsRefusedAndNothingIsAskedThere() throws Exception {
        try (FeedServer feed = new FeedServer(); FeedServer internal = new FeedServer("127.0.0.2")) {
            internal.on("/secret.rss", ex -> FeedServer.send(ex, 200, RSS));
            feed.on("/moved.rss", ex -> {
                ex.getResponseHeaders().add("Location", internal.url("/secret.rss").toString());
                FeedServer.send(ex, 302, new byte[0]);
            });
            FeedFetcher.FetchException e = assertThrows(FeedFetcher.FetchException.class,
                    () -> new FeedFetcher(Duration.ofSeconds(2), 3, 100_000).fetch(feed.url("/moved.rss"), null, null));
            assertThat(e.kind()).isEqualTo("refused");
            assertThat(e.getMessage()).contains("127.0.0.2", "loopback");
            assertThat(internal.seen).as("requests that reached 127.0.0.2").isEmpty();
        }
    }

    @Test
    void aLocationThatIsMalformedOrNotHttpIsANamedFailure() throws Exception {
        try (FeedServer feed = new FeedServer()) {
            for (String[] c : List.of(new String[] {"/bad", "http://exa mple.com/ x"}, new String[] {"/ftp", "ftp://example.com/f"},
                    new String[] {"/opaque", "http:feed.rss"}, new String[] {"/file", "file:///etc/passwd"})) {
                feed.on(c[0], ex -> {
                    ex.getResponseHeaders().add("Location", c[1]);
                    FeedServer.send(ex, 301, new byte[0]);
                });
                FeedFetcher.FetchException e = assertThrows(FeedFetcher.FetchException.class,
                        () -> new FeedFetcher(Duration.ofSeconds(2), 3, 100_000).fetch(feed.url(c[0]), null, null), c[1]);
                assertThat(e.kind()).as(c[1]).isEqualTo("redirects");
                assertThat(e.getMessage()).as(c[1]).contains("redirected to");
            }
        }
    }

    @Test
    void aBodyTrickledSlowerThanTheDeadlineIsCutOffAtTheDeadline() throws Exception {
        try (FeedServer feed = new FeedServer()) {
            feed.on("/slow.rss", ex -> {
                ex.sendResponseHeaders(200, 0); // chunked: the headers come at once, the body a byte at a time
                try (OutputStream out = ex.getResponseBody()) {
                    for (int i = 0; i < 40; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(150);
                    }
                } catch (InterruptedException | IOException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long start = System.nanoTime();
            FeedFetcher.FetchException e = assertThrows(FeedFetcher.FetchException.class,
                    () -> new FeedFetcher(Duration.ofMillis(1000), 3, 100_000).fetch(feed.url("/slow.rss"), null, null));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(e.kind()).isEqualTo("timeout");
            // each byte came well within any read timeout; only a deadline on the whole fetch ends it before 6 s
            assertThat(tookMs).isLessThan(4_000);
        }
    }

    @Test
    void chunkedAndGzippedBodiesAreReadAndBounded() throws Exception {
        try (FeedServer feed = new FeedServer()) {
            byte[] gz = gzip(RSS);
            feed.on("/gz.rss", ex -> {
                ex.getResponseHeaders().add("Content-Encoding", "gzip");
                ex.sendResponseHeaders(200, 0); // chunked
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(gz, 0, gz.length / 2);
                    out.flush();
                    out.write(gz, gz.length / 2, gz.length - gz.length / 2);
                }
            });
            FetchResult r = new FeedFetcher(Duration.ofSeconds(2), 3, 100_000).fetch(feed.url("/gz.rss"), null, null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(RSS);
            FeedFetcher.FetchException big = assertThrows(FeedFetcher.FetchException.class,
                    () -> new FeedFetcher(Duration.ofSeconds(2), 3, RSS.length - 1).fetch(feed.url("/gz.rss"), null, null));
            assertThat(big.kind()).isEqualTo("too_large");
        }
    }

    @Test
    void httpsNamesAndVerifiesTheHostItConnectsTo() throws Exception {
        SSLContext server = tls(true);
        SSLContext client = tls(false);
        try (FeedServer feed = FeedServer.https(server, "localhost")) {
            feed.on("/tls.rss", ex -> FeedServer.send(ex, 200, RSS));
            FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(5), 3, 100_000, client.getSocketFactory());
            FetchResult r = fetcher.fetch(feed.url("/tls.rss"), null, null);
            assertThat(r.body()).isEqualTo(RSS);
            // the same server by address: its certificate names localhost only, so the handshake must fail
            URI byAddress = URI.create(feed.url("/tls.rss").toString().replace("localhost", "127.0.0.1"));
            FeedFetcher.FetchException e = assertThrows(FeedFetcher.FetchException.class, () -> fetcher.fetch(byAddress, null, null));
            assertThat(e.kind()).isEqualTo("unreachable");
            assertThat(e.getMessage()).contains("SSLHandshakeException");
        }
    }

    private static byte[] gzip(byte[] b) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    /** A key pair for localhost made by the JDK's keytool: the server's keys, or a client that trusts only them. */
    private static SSLContext tls(boolean server) throws Exception {
        Path store = Path.of("target", "feed-tls.p12");
        if (!Files.exists(store)) {
            Files.createDirectories(store.getParent());
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                    "-alias", "feed", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(p.waitFor()).as("keytool: %s", out).isZero();
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        if (server) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "changeit".toCharArray());
            ctx.init(kmf.getKeyManagers(), null, null);
        } else {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            ctx.init(null, tmf.getTrustManagers(), null);
        }
        return ctx;
    }
}
