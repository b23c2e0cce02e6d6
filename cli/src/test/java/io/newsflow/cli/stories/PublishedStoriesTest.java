package io.newsflow.cli.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.cli.replay.ReplayCommandTest;
import io.newsflow.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedStoriesTest {

    static byte[] json(String id, String story, String headline, String... focus) {
        StringBuilder countries = new StringBuilder();
        for (String c : focus) {
            if (countries.length() > 0) countries.append(',');
            countries.append("{\"code\":\"").append(c).append("\",\"role\":\"focus\",\"score\":0.9,\"evidence\":[]}");
        }
        // a mentioned country is not what the article is about
        if (countries.length() > 0) countries.append(',');
        countries.append("{\"code\":\"ZZ\",\"role\":\"mentioned\",\"score\":0.1,\"evidence\":[]}");
        return ("{\"id\":\"" + id + "\",\"version\":1,\"headline\":\"" + headline + "\",\"countries\":[" + countries
                + "],\"story_id\":\"" + story + "\",\"trending_score\":1.0}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anArticleAboutAnotherCountryThanItsStorysIsCountedAndItsStoryNamed() {
        List<PublishedStories.Article> articles = List.of(
                PublishedStories.parse(json("nz1", "s-nz", "New Zealand votes", "NZ")),
                PublishedStories.parse(json("nz2", "s-nz", "Turnout high in New Zealand", "NZ")),
                PublishedStories.parse(json("kr1", "s-nz", "South Korea votes", "KR")),
                PublishedStories.parse(json("kill", "s-nz", "Kill notice")),
                PublishedStories.parse(json("et1", "s-et", "Summit in Addis Ababa", "ET", "VN")),
                PublishedStories.parse(json("vn1", "s-et", "Vietnam's leader in Ethiopia", "VN", "ET")),
                PublishedStories.parse(json("solo", "s-solo", "Alone", "FR")));
        assertThat(articles.get(0).focus()).containsExactly("NZ");

        PublishedStories.Report r = PublishedStories.of(articles);

        assertThat(r.articles()).isEqualTo(7);
        assertThat(r.stories()).isEqualTo(3);
        assertThat(r.score().multiArticleStories()).isEqualTo(2);
        assertThat(r.score().articlesInMultiArticleStories()).isEqualTo(6);
        // the Korean article only: an article about no country and a joint focus sharing the main one do not count
        assertThat(r.score().foreignArticles()).isEqualTo(1);
        assertThat(r.mixed()).singleElement().satisfies(m -> {
            assertThat(m.story()).isEqualTo("s-nz");
            assertThat(m.mainFocus()).isEqualTo("NZ");
            assertThat(m.foreign()).isEqualTo(1);
            assertThat(m.members()).hasSize(4);
        });
    }

    @Test
    void aValueThatIsNoArticleIsSkipped() {
        assertThat(PublishedStories.parse("not json".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(PublishedStories.parse("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void readsCommittedArticlesOfTheTopicEachAtItsLastVersion() throws Exception {
        String topic = TestKafka.uniqueTopic("published");
        TestKafka.createTopics(2, topic);
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "published-test-" + UUID.randomUUID());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a1", json("a1", "s1", "First take", "FR")));
            producer.send(new ProducerRecord<>(topic, "a2", json("a2", "s1", "Second", "FR")));
            // a later version moved to another story: only the last one counts
            producer.send(new ProducerRecord<>(topic, "a1", json("a1", "s2", "First take, updated", "DE")));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a3", json("a3", "s1", "Aborted", "FR"))).get();
            producer.abortTransaction();
        }

        Collection<PublishedStories.Article> read = PublishedStories.read(client(TestKafka.bootstrapServers()), topic, Duration.ofSeconds(30));

        assertThat(read).extracting(PublishedStories.Article::id).containsExactlyInAnyOrder("a1", "a2");
        assertThat(read).filteredOn(a -> a.id().equals("a1")).singleElement()
                .satisfies(a -> {
                    assertThat(a.story()).isEqualTo("s2");
                    assertThat(a.focus()).isEqualTo(Set.of("DE"));
                });
    }

    @Test
    void aMissingTopicIsNamedAndNotCreated(@TempDir Path tmp) throws Exception {
        String topic = TestKafka.uniqueTopic("no-such");
        Path config = Files.writeString(tmp.resolve("c.properties"), "topics.name.articles.json=" + topic + "\n");
        var run = ReplayCommandTest.run("stories", "published", "--bootstrap-server", TestKafka.bootstrapServers(),
                "--config", config.toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("topic " + topic + " does not exist");
        try (var admin = TestKafka.admin()) {
            assertThat(admin.listTopics().names().get()).doesNotContain(topic);
        }
    }

    @Test
    void theConfigFilesClientKeysReachTheReader(@TempDir Path tmp) throws Exception {
        String topic = TestKafka.uniqueTopic("no-such");
        // no --bootstrap-server: the file's bootstrap.servers is the cluster asked
        Path config = Files.writeString(tmp.resolve("c.properties"), "bootstrap.servers=" + TestKafka.bootstrapServers()
                + "\ntopics.name.articles.json=" + topic + "\n");
        var run = ReplayCommandTest.run("stories", "published", "--config", config.toString());
        assertThat(run.err()).contains("topic " + topic + " does not exist on " + TestKafka.bootstrapServers());
    }

    private static Properties client(String bootstrap) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrap);
        return p;
    }
}
