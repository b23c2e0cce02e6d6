package io.newsflow.cli.demo;

import io.newsflow.frontpage.http.FrontPageServer;
import java.util.List;

/** The front page: finished articles and the TRENDING box, laid out like a news site. */
final class FrontPageComponent implements DemoComponent {
    private FrontPageServer page;

    @Override
    public String name() {
        return "frontpage";
    }

    @Override
    public void start(DemoContext context) {
        page = FrontPageServer.builder()
                .bootstrapServers(context.kafkaBootstrapServers())
                .registryUrl(context.schemaRegistryUrl())
                .port(context.options().frontPagePort())
                .build()
                .start();
    }

    @Override
    public List<String> describe() {
        return List.of(String.format("%-16s %s", "Front page", page.url()));
    }

    @Override
    public void close() {
        page.close();
    }
}
