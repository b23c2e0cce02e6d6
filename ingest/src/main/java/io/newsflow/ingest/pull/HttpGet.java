package io.newsflow.ingest.pull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET to an address already checked ({@link FetchPolicy#resolve}): the socket connects to exactly that
 * address, TLS names and verifies the URL's host (SNI, certificate), and the whole exchange (connect, headers, body)
 * has one wall-clock deadline, so a server that trickles its body cannot hold a poller. {@code java.net.http} can do
 * neither on Java 17: it resolves the name itself and its timeout ends with the headers.
 */
final class HttpGet {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_LINE = 8 * 1024;

    /** Status, headers (names in lower case) and the body as read, bounded. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }
    }

    /** A body past this many bytes. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private final SSLSocketFactory tls;

    HttpGet(SSLSocketFactory tls) {
        this.tls = tls;
    }

    /** The body is read for 2xx answers only: of a redirect or an error, the status and headers are what matter. */
    Response get(URI url, InetAddress address, Map<String, String> headers, long deadlineNanos, long maxBytes)
            throws IOException {
        String host = url.getHost();
        int port = FetchPolicy.port(url);
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), remainingMillis(deadlineNanos));
            Socket s = socket;
            if ("https".equalsIgnoreCase(url.getScheme())) {
                SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the URL's host
                if (!isIpLiteral(host)) p.setServerNames(List.of(new SNIHostName(host)));
                ssl.setSSLParameters(p);
                ssl.setSoTimeout(remainingMillis(deadlineNanos));
                ssl.startHandshake();
                s = ssl;
            }
            s.setSoTimeout(remainingMillis(deadlineNanos));
            OutputStream out = s.getOutputStream();
            out.write(request(url, port, headers).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new DeadlineInputStream(new BufferedInputStream(s.getInputStream()), s, deadlineNanos);
            int status = statusLine(readLine(in));
            Map<String, List<String>> h = headerFields(in);
            if (status >= 100 && status < 200) {
                throw new IOException("answered " + status + " to a GET");
            }
            byte[] body = status >= 200 && status < 300 && status != 204 ? body(in, h, maxBytes) : new byte[0];
            return new Response(status, h, body);
        } finally {
            socket.close();
        }
    }

    private static String request(URI url, int port, Map<String, String> headers) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) path += "?" + url.getRawQuery();
        String hostHeader = (url.getHost().contains(":") && !url.getHost().startsWith("[") ? "[" + url.getHost() + "]" : url.getHost())
                + (url.getPort() >= 0 ? ":" + port : "");
        StringBuilder r = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n").append("Connection: close\r\n");
        headers.forEach((k, v) -> r.append(k).append(": ").append(v.replaceAll("[\r\n]", " ")).append("\r\n"));
        return r.append("\r\n").toString();
    }

    private static int statusLine(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x answer: " + truncate(line));
        }
        try {
            int status = Integer.parseInt(parts[1]);
            if (status < 100 || status > 599) throw new NumberFormatException();
            return status;
        } catch (NumberFormatException e) {
            throw new IOException("no status in the answer: " + truncate(line));
        }
    }

    private static Map<String, List<String>> headerFields(InputStream in) throws IOException {
        Map<String, List<String>> h = new TreeMap<>();
        int total = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            total += line.length();
            if (total > MAX_HEADER_BYTES) throw new IOException("headers larger than " + MAX_HEADER_BYTES + " bytes");
            int colon = line.indexOf(':');
            if (colon <= 0) continue; // not a header field: ignored, as browsers do
            h.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        return h;
    }

    private static byte[] body(InputStream in, Map<String, List<String>> h, long maxBytes) throws IOException {
        List<String> te = h.getOrDefault("transfer-encoding", List.of());
        if (te.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            return chunked(in, maxBytes);
        }
        List<String> cl = h.get("content-length");
        if (cl != null && !cl.isEmpty()) {
            long length;
            try {
                length = Long.parseLong(cl.get(0).trim());
            } catch (NumberFormatException e) {
                throw new IOException("Content-Length is not a number: " + truncate(cl.get(0)));
            }
            if (length < 0) throw new IOException("negative Content-Length");
            if (length > maxBytes) throw new TooLarge("announced " + length + " bytes, more than " + maxBytes);
            return exactly(in, (int) length);
        }
        return untilClose(in, maxBytes);
    }

    private static byte[] chunked(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            int semi = size.indexOf(';');
            long n;
            try {
                n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + truncate(size));
            }
            if (n < 0) throw new IOException("bad chunk size: " + truncate(size));
            if (n == 0) {
                for (String trailer = readLine(in); !trailer.isEmpty(); trailer = readLine(in)) {
                    // trailers are not used
                }
                return out.toByteArray();
            }
            if (out.size() + n > maxBytes) throw new TooLarge("more than " + maxBytes + " bytes");
            out.write(exactly(in, (int) n));
            readLine(in); // the CRLF after each chunk
        }
    }

    private static byte[] exactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new IOException("the body ended after " + b.length + " of " + n + " bytes");
        return b;
    }

    private static byte[] untilClose(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            if (out.size() + n > maxBytes) throw new TooLarge("more than " + maxBytes + " bytes");
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** One CRLF- (or LF-) terminated line, at most {@link #MAX_LINE} bytes. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) throw new IOException("a line of the answer is longer than " + MAX_LINE + " bytes");
            line.write(c);
        }
        throw new IOException("the connection closed in the middle of the answer's head");
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String truncate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
        long ms = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (ms <= 0) throw new SocketTimeoutException("deadline passed");
        return (int) Math.min(Integer.MAX_VALUE, ms);
    }

    /** Every read waits at most until the deadline: the socket's timeout is shortened to what is left before each. */
    private static final class DeadlineInputStream extends InputStream {
        private final InputStream in;
        private final Socket socket;
        private final long deadlineNanos;

        DeadlineInputStream(InputStream in, Socket socket, long deadlineNanos) {
            this.in = in;
            this.socket = socket;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadlineNanos));
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(remainingMillis(deadlineNanos));
            return in.read(b, off, len);
        }
    }
}
