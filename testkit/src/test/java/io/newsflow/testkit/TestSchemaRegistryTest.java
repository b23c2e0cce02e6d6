package io.newsflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Confluent's REST API, spoken to the real registry over plain HTTP. */
class TestSchemaRegistryTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final String V1 = """
            {"type":"record","name":"Story","namespace":"test","fields":[{"name":"id","type":"string"}]}""";
    private static final String V2_WITH_DEFAULT = """
            {"type":"record","name":"Story","namespace":"test","fields":[{"name":"id","type":"string"},
             {"name":"headline","type":"string","default":""}]}""";
    private static final String V3_WITHOUT_DEFAULT = """
            {"type":"record","name":"Story","namespace":"test","fields":[{"name":"id","type":"string"},
             {"name":"headline","type":"string","default":""},{"name":"byline","type":"string"}]}""";

    @Test
    void registersLooksUpAndFetchesASchemaById() throws Exception {
        String subject = TestKafka.uniqueTopic("stories") + "-value";

        HttpResponse<String> registered = post("/subjects/" + subject + "/versions", V1);
        assertThat(registered.statusCode()).isEqualTo(200);
        int id = json.readTree(registered.body()).get("id").asInt();

        JsonNode lookedUp = json.readTree(post("/subjects/" + subject, V1).body());
        assertThat(lookedUp.get("id").asInt()).isEqualTo(id);
        assertThat(lookedUp.get("version").asInt()).isEqualTo(1);
        assertThat(lookedUp.get("subject").asText()).isEqualTo(subject);

        JsonNode byId = json.readTree(get("/schemas/ids/" + id).body());
        assertThat(json.readTree(byId.get("schema").asText())).isEqualTo(json.readTree(V1));

        // registering the same schema again is idempotent
        assertThat(json.readTree(post("/subjects/" + subject + "/versions", V1).body()).get("id").asInt())
                .isEqualTo(id);
    }

    @Test
    void compatibilityIsBackwardSoAFieldWithoutDefaultIsRefused() throws Exception {
        assertThat(json.readTree(get("/config").body()).get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        String subject = TestKafka.uniqueTopic("evolving") + "-value";

        assertThat(post("/subjects/" + subject + "/versions", V1).statusCode()).isEqualTo(200);
        assertThat(post("/subjects/" + subject + "/versions", V2_WITH_DEFAULT).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = post("/subjects/" + subject + "/versions", V3_WITHOUT_DEFAULT);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(get("/subjects/" + subject + "/versions").body())).hasSize(2);
    }

    @Test
    void anUnknownIdIsConfluentsNotFoundError() throws Exception {
        HttpResponse<String> missing = get("/schemas/ids/987654321");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("error_code").asInt()).isEqualTo(40403);
    }

    private static HttpResponse<String> post(String path, String schema) throws Exception {
        String body = json.writeValueAsString(Map.of("schema", schema));
        return http.send(HttpRequest.newBuilder(URI.create(TestSchemaRegistry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(TestSchemaRegistry.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
