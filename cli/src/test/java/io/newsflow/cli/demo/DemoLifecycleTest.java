package io.newsflow.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoLifecycleTest {
    // parallel parts start and stop on threads of their own
    private final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DemoContext context = new DemoContext(new DemoOptions(Optional.empty(), 0, Path.of("unused"), 1, 2, 3, 4, 5, 6));

    @Test
    void startsInOrderAndStopsInReverse() throws Exception {
        DemoLifecycle lifecycle = new DemoLifecycle();
        lifecycle.start(List.of(component("a", false), component("b", false), component("c", false)), context);
        assertThat(lifecycle.started()).extracting(DemoComponent::name).containsExactly("a", "b", "c");
        lifecycle.close();
        lifecycle.close(); // idempotent
        assertThat(events).containsExactly("start a", "start b", "start c", "stop c", "stop b", "stop a");
    }

    @Test
    void aFailedStartStopsWhatAlreadyRunsAndNothingElse() {
        DemoLifecycle lifecycle = new DemoLifecycle();
        assertThatThrownBy(() -> lifecycle.start(
                List.of(component("a", false), component("b", true), component("c", false)), context))
                .hasMessage("b broke");
        assertThat(events).containsExactly("start a", "start b", "stop a");
    }

    @Test
    void aComponentThatFailsToStopDoesNotKeepTheOthersRunning() throws Exception {
        DemoLifecycle lifecycle = new DemoLifecycle();
        DemoComponent failingStop = new Recording("b", false) {
            @Override
            public void close() {
                events.add("stop b");
                throw new IllegalStateException("stuck");
            }
        };
        lifecycle.start(List.of(component("a", false), failingStop, component("c", false)), context);
        lifecycle.close();
        assertThat(events).endsWith("stop c", "stop b", "stop a");
    }

    @Test
    void parallelPartsAllStartAndAFailureStopsTheStartedOnes() {
        ParallelComponents parallel = new ParallelComponents("pair", component("x", false), component("y", true));
        assertThatThrownBy(() -> parallel.start(context)).hasMessageContaining("y broke");
        assertThat(events).contains("start x", "start y", "stop x").doesNotContain("stop y");
    }

    @Test
    void aComponentAskingForKafkaBeforeItRunsGetsAClearError() {
        assertThatThrownBy(context::kafkaBootstrapServers).hasMessageContaining("Kafka is not started yet");
    }

    private DemoComponent component(String name, boolean failsToStart) {
        return new Recording(name, failsToStart);
    }

    private class Recording implements DemoComponent {
        private final String name;
        private final boolean failsToStart;

        Recording(String name, boolean failsToStart) {
            this.name = name;
            this.failsToStart = failsToStart;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(DemoContext context) {
            events.add("start " + name);
            if (failsToStart) {
                throw new IllegalStateException(name + " broke");
            }
        }

        @Override
        public void close() {
            events.add("stop " + name);
        }
    }
}
