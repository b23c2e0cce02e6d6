package io.newsflow.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Optional;

/**
 * JSON over HTTP to the registry's base URLs, tried in order until one answers. Only transport failures move on
 * to the next URL; any HTTP answer (even an error) is returned to the caller, who knows the subject or id.
 */
final class RegistryHttp {
    /** Confluent's media types; Apicurio's ccompat API and Karapace accept the same. */
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, "
            + "application/json; qs=0.5";

    /** One answer: the URL that gave it, HTTP status and parsed body (NullNode when empty or not JSON). */
    record Answer(String url, int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        int errorCode() {
            return body.path("error_code").asInt(-1);
        }

        String message() {
            String text = body.path("message").asText("");
            return text.isEmpty() ? "HTTP " + status : text;
        }
    }

    private final List<String> baseUrls;
    private final Optional<String> authorization;
    private final java.time.Duration readTimeout;
    private final java.time.Duration retryFor;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegistryHttp.class);
    private final HttpClient http;
    private final ObjectMapper json;

    RegistryHttp(RegistryClientConfig config, ObjectMapper json) {
        this.baseUrls = config.urls();
        this.authorization = config.authorizationHeader();
        this.readTimeout = config.readTimeout();
        this.retryFor = config.retryFor();
        this.json = json;
        this.http = HttpClient.newBuilder()
                // HTTP/1.1: registries speak it everywhere; an h2c upgrade under a burst of concurrent first
                // requests fails with "too many concurrent streams" on some servers (Quarkus/Vert.x)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    List<String> baseUrls() {
        return baseUrls;
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    /**
     * Retries what may pass (no answer, 5xx such as a registry's storage lock timeout, 429) with exponential backoff
     * for at most {@code retryFor}; every request the client makes is idempotent (a schema registered twice keeps
     * its id). Other answers go back to the caller as they are.
     */
    private Answer send(String method, String path, Object body) {
        long deadline = System.nanoTime() + retryFor.toNanos();
        long backoffMs = 50;
        while (true) {
            Answer answer;
            try {
                answer = sendOnce(method, path, body);
                if (!retriable(answer.status()) || System.nanoTime() + backoffMs * 1_000_000 > deadline) return answer;
                log.warn("schema registry answered {} to {} {}, retrying in {} ms", answer.status(), method, path, backoffMs);
            } catch (RegistryUnreachableException e) {
                if (Thread.currentThread().isInterrupted() || System.nanoTime() + backoffMs * 1_000_000 > deadline) throw e;
                log.warn("schema registry unreachable for {} {}, retrying in {} ms: {}", method, path, backoffMs, e.getMessage());
            }
            try {
                Thread.sleep(backoffMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnreachableException(baseUrls.get(0), "Interrupted while retrying the schema registry", e);
            }
            backoffMs = Math.min(backoffMs * 2, 2_000);
        }
    }

    static boolean retriable(int status) {
        return status >= 500 || status == 429;
    }

    private Answer sendOnce(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(write(body));
        RegistryUnreachableException last = null;
        for (String base : baseUrls) {
            String url = base + path;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(readTimeout)
                    .header("Accept", ACCEPT)
                    .method(method, publisher);
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            authorization.ifPresent(value -> request.header("Authorization", value));
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Answer(url, response.statusCode(), read(response.body()));
            } catch (HttpTimeoutException e) {
                last = new RegistryUnreachableException(base, "Schema registry at " + base + " did not answer "
                        + method + " " + path + " in time (" + e.getMessage() + "); check http.connect.timeout.ms / "
                        + "http.read.timeout.ms and that the registry is up", e);
            } catch (IOException e) {
                last = new RegistryUnreachableException(base, "Schema registry at " + base + " is unreachable ("
                        + method + " " + path + "): " + describe(e) + "; check schema.registry.url and that the registry is up", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnreachableException(base, "Interrupted while calling the schema registry at " + base, e);
            }
        }
        throw last;
    }

    private static String describe(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? "" : root.getMessage();
        return root.getClass().getSimpleName() + (text.isEmpty() ? "" : " " + text);
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write registry request as JSON", e);
        }
    }

    private JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            // a proxy's HTML error page, for instance: keep the status, drop the body
            return NullNode.getInstance();
        }
    }
}
