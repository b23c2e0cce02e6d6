package io.newsflow.schemas.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneShapeForEveryServiceTextEscapedAndTheStatusCodeFromUp() throws Exception {
        Health down = Health.of("frontpage", false).with("consumer", "state \"odd\\\" <x>").with("articles", 3);
        JsonNode n = JSON.readTree(down.json());
        assertThat(n.get("service").asText()).isEqualTo("frontpage");
        assertThat(n.get("status").asText()).isEqualTo("DOWN");
        assertThat(n.get("consumer").asText()).isEqualTo("state \"odd\\\" <x>");
        assertThat(n.get("articles").asInt()).isEqualTo(3);
        assertThat(down.httpStatus()).isEqualTo(503);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("last_poll", null);
        details.put("consecutive_aborts", 0);
        Health starting = Health.of("publish", "STARTING", false).with(details);
        JsonNode s = JSON.readTree(starting.json());
        assertThat(s.get("status").asText()).isEqualTo("STARTING");
        assertThat(s.get("last_poll").isNull()).isTrue();
        assertThat(Health.of("enrich", true).httpStatus()).isEqualTo(200);
    }
}
