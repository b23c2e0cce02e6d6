package io.newsflow.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EngagementEvent;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendingList;
import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.schemas.topics.TopicContract.Role;
import io.newsflow.testkit.TestSchemaRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Every subject of the topic contract registered at once, several times each, as every service starting together
 * registers them against an empty registry; on the real local registry and with the client's retries off, so it is
 * the registry that copes: each registration succeeds and each subject gets one id.
 */
class RegistryConcurrencyTest {
    private static final int REGISTRATIONS_PER_SUBJECT = 4;

    @Test
    void firstRegistrationsOfEverySubjectAtOnceAllSucceed() throws Exception {
        String run = "conc" + System.nanoTime();
        TopicContract contract = TopicContract.defaults();
        Map<String, Schema> subjects = new LinkedHashMap<>();
        // new content per run (a property naming it), so these are first registrations of the schema text too
        subjects.put(run + "." + contract.name(Role.RAW) + "-value", fresh(Article.getClassSchema(), run));
        for (Role r : List.of(Role.ENRICHED, Role.ARTICLES, Role.LATEST)) {
            subjects.put(run + "." + contract.name(r) + "-value", fresh(EnrichedArticle.getClassSchema(), run));
        }
        subjects.put(run + "." + contract.name(Role.TRENDING) + "-value", fresh(TrendingList.getClassSchema(), run));
        subjects.put(run + "." + contract.name(Role.DEADLETTER) + "-value", fresh(DeadLetter.getClassSchema(), run));
        subjects.put(run + "." + contract.name(Role.ENGAGEMENT) + "-value", fresh(EngagementEvent.getClassSchema(), run));

        RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                "schema.registry.url", TestSchemaRegistry.url(), RegistryClientConfig.RETRY_MAX_MS, "0")));
        int total = subjects.size() * REGISTRATIONS_PER_SUBJECT;
        ExecutorService pool = Executors.newFixedThreadPool(total);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, List<Future<Integer>>> ids = new LinkedHashMap<>();
        try {
            subjects.forEach((subject, schema) -> {
                List<Future<Integer>> mine = new ArrayList<>();
                for (int i = 0; i < REGISTRATIONS_PER_SUBJECT; i++) {
                    Callable<Integer> register = () -> {
                        go.await();
                        return client.register(subject, schema);
                    };
                    mine.add(pool.submit(register));
                }
                ids.put(subject, mine);
            });
            go.countDown();
            for (Map.Entry<String, List<Future<Integer>>> e : ids.entrySet()) {
                List<Integer> got = new ArrayList<>();
                for (Future<Integer> f : e.getValue()) got.add(f.get()); // throws if any registration failed
                assertThat(got).as("ids of %s", e.getKey()).hasSize(REGISTRATIONS_PER_SUBJECT).containsOnly(got.get(0));
                assertThat(client.getLatestVersion(e.getKey()).id()).isEqualTo(got.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Schema fresh(Schema schema, String run) {
        String json = schema.toString();
        return new Schema.Parser().parse("{\"newsflow.test.run\":\"" + run + "\"," + json.substring(1));
    }
}
