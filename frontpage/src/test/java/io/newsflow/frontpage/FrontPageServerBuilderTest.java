package io.newsflow.frontpage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.frontpage.http.FrontPageServer;
import org.junit.jupiter.api.Test;

class FrontPageServerBuilderTest {

    @Test
    void missingSettingsAreNamedWithAnExample() {
        assertThatThrownBy(() -> FrontPageServer.builder().registryUrl("http://r").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrapServers")
                .hasMessageContaining("127.0.0.1:9092");
        assertThatThrownBy(() -> FrontPageServer.builder().bootstrapServers("b:9092").build())
                .hasMessageContaining("registryUrl");
        assertThatThrownBy(() -> FrontPageServer.builder().bootstrapServers("b:9092").registryUrl("http://r").port(70000).build())
                .hasMessageContaining("port");
        assertThatThrownBy(() -> FrontPageServer.builder().bootstrapServers("b:9092").registryUrl("http://r")
                .articlesTopic("t").trendingTopic("t").build())
                .hasMessageContaining("different records");
    }
}
