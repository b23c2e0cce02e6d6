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
    void upOnlyWhenEveryCheckIsWithEachChecksDetailEscaped() throws Exception {
        Health down = Health.of("frontpage").check("kafka", true, "reachable")
                .check("consumer", false, "state \"odd\\\" <x>").info("articles", 3);
        JsonNode n = JSON.readTree(down.json());
        assertThat(n.get("service").asText()).isEqualTo("frontpage");
        assertThat(n.get("status").asText()).isEqualTo("DOWN");
        assertThat(n.at("/checks/kafka/status").asText()).isEqualTo("UP");
        assertThat(n.at("/checks/consumer/status").asText()).isEqualTo("DOWN");
        assertThat(n.at("/checks/consumer/detail").asText()).isEqualTo("state \"odd\\\" <x>");
        assertThat(n.at("/info/articles").asInt()).isEqualTo(3);
        assertThat(down.httpStatus()).isEqualTo(503);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("last_poll", null);
        details.put("consecutive_aborts", 0);
        Health up = Health.of("publish").check("transactions", true, "UP").info(details);
        JsonNode s = JSON.readTree(up.json());
        assertThat(s.get("status").asText()).isEqualTo("UP");
        assertThat(s.at("/info/last_poll").isNull()).isTrue();
        assertThat(up.httpStatus()).isEqualTo(200);
    }

    @Test
    void aServiceWithNoCheckIsNotUp() {
        assertThat(Health.of("enrich").httpStatus()).isEqualTo(503);
        assertThat(Health.of("enrich").json()).contains("\"status\":\"DOWN\"", "\"checks\":{}");
    }
}
