package io.newsflow.cli.topics;

import io.newsflow.harness.appends.LogAppends;
import io.newsflow.schemas.config.BadInputException;
import io.newsflow.cli.ClusterOptions;
import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.schemas.topics.TopicProvisioner;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow topics create|check}: provisions the cluster from the topic contract, or reports every way it has
 * drifted from it. docker-compose runs {@code topics create} once before the services start.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"create: makes every topic of the contract that is missing (existing ones are left as they are).",
                "check: one line per problem (missing topic, partition count, replication, a config that differs), "
                        + "exit 1 on any, 0 with \"no drift\".",
                "appends: watches a running cluster for --seconds and prints its log appends per accepted article, by "
                        + "topic (internal ones too), data records and transaction markers apart, and the commits and "
                        + "aborts of each transactional producer.",
                "Config keys: bootstrap.servers, security.protocol, sasl.*, ssl.*, topics.* (see the README's topic contract)."})
public final class TopicsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "create|check|appends", description = "what to do")
    String action;

    @Option(names = "--seconds", defaultValue = "60", description = "appends: how long to watch (default ${DEFAULT-VALUE}).")
    int seconds;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        if (!action.equals("create") && !action.equals("check") && !action.equals("appends")) {
            throw new BadInputException("topics: the action is create, check or appends, got '" + action + "'");
        }
        if (action.equals("appends") && seconds < 1) {
            throw new BadInputException("topics appends: --seconds must be at least 1, got " + seconds);
        }
        TopicContract contract = cluster.contract("topics");
        Properties client = cluster.client("topics", "newsflow-topics");
        PrintWriter out = spec.commandLine().getOut();
        try {
            io.newsflow.schemas.config.AccessCheck.verifyKafka("topics", client, java.time.Duration.ofSeconds(10));
        } catch (IllegalStateException e) {
            throw new BadInputException(e.getMessage());
        }
        try (Admin admin = Admin.create(client)) {
            if (action.equals("appends")) {
                var before = LogAppends.endOffsets(admin);
                Thread.sleep(seconds * 1000L);
                var after = LogAppends.endOffsets(admin);
                LogAppends.print(LogAppends.between(client, before, after, contract.name(TopicContract.Role.RAW)),
                        java.time.Duration.ofSeconds(seconds), out);
                return 0;
            }
            TopicProvisioner provisioner = TopicProvisioner.forCluster(admin, contract);
            if (action.equals("create")) {
                Map<String, String> outcome = provisioner.createAll();
                outcome.forEach((name, what) -> out.println(name + ": " + what));
                out.flush();
                return 0;
            }
            List<String> problems = provisioner.checkAll();
            if (problems.isEmpty()) out.println("no drift");
            else problems.forEach(out::println);
            out.flush();
            return problems.isEmpty() ? 0 : 1;
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new BadInputException("topics " + action + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
