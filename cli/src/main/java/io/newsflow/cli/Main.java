package io.newsflow.cli;

import io.newsflow.schemas.config.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code ./newsflow}. Each sub-command lives in its own class; this only wires them.
 * Exit codes: 0 success, 2 bad input (one line on stderr), 1 anything else.
 */
@Command(name = "newsflow", mixinStandardHelpOptions = true, version = "newsflow 0.1.0",
        description = "Event-driven news ingestion pipeline on Apache Kafka.",
        subcommands = {
                CommandLine.HelpCommand.class,
                io.newsflow.cli.publish.PublishCommand.class,
                io.newsflow.harness.bench.BenchCommand.class,
                io.newsflow.cli.demo.DemoCommand.class,
                io.newsflow.cli.parse.ParseCommand.class,
                io.newsflow.cli.ingest.IngestCommand.class,
                io.newsflow.cli.tag.TagCommand.class,
                io.newsflow.cli.replay.ReplayCommand.class,
                io.newsflow.cli.stories.StoriesCommand.class,
                io.newsflow.cli.enrich.EnrichCommand.class,
                io.newsflow.cli.topics.TopicsCommand.class,
                io.newsflow.cli.frontpage.FrontPageCommand.class,
                io.newsflow.harness.chaos.ChaosCommand.class,
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // bad input: one line on stderr, exit 2 (picocli's default usage-error code)
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("newsflow: " + ex.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof BadInputException) {
                cmd.getErr().println("newsflow: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cli.execute(args);
    }
}
