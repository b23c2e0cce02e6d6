package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.Test;

/** The registry check at a service's start, against a server that refuses the credentials. */
class AccessCheckTest {

    @Test
    void refusedCredentialsStopTheStartNamingTheRegistryButNotThePassword() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = "{\"error_code\":40101,\"message\":\"Unauthorized\"}".getBytes();
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(401, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String url = "http://svc:s3cret@127.0.0.1:" + server.getAddress().getPort();
            assertThatThrownBy(() -> AccessCheck.verifyRegistry("enrich", Map.of("schema.registry.url", url,
                    "schema.registry.retry.max.ms", 0)))
                    .hasMessageContaining("http://127.0.0.1:" + server.getAddress().getPort())
                    .hasMessageNotContaining("s3cret");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theTopicsReadAndWrittenBecomeTheOperationsNeededATopicBothReadAndWrittenNeedsBoth() {
        assertThat(AccessCheck.needed(List.of("in", "both"), List.of("out", "both")))
                .containsExactly(Map.entry("in", Set.of(AclOperation.READ)),
                        Map.entry("both", Set.of(AclOperation.READ, AclOperation.WRITE)),
                        Map.entry("out", Set.of(AclOperation.WRITE)));
    }
}
