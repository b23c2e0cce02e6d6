package io.newsflow.cli.demo;

import io.newsflow.generator.TrafficGenerator;
import java.util.List;

/** Wire traffic pushed to ingest over HTTP at {@code --rate}; absent with {@code --rate 0}. */
final class GeneratorComponent implements DemoComponent {
    private TrafficGenerator generator;
    private double rate;

    @Override
    public String name() {
        return "generator";
    }

    @Override
    public void start(DemoContext context) {
        rate = context.options().rate();
        generator = new TrafficGenerator(TrafficGenerator.Settings.of(context.ingestUrl(), rate)).start();
        context.generator(generator);
    }

    @Override
    public List<String> describe() {
        return List.of(String.format("%-16s %.0f items/s (several agencies, bursts, versions, withdrawals, some bad items)",
                "Generator", rate));
    }

    @Override
    public void close() {
        generator.close();
    }
}
