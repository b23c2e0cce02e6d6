package io.newsflow.schemas.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServiceRunnerTest {

    static final class FakeService implements Service {
        final CompletableFuture<Throwable> failed = new CompletableFuture<>();
        final AtomicInteger closes = new AtomicInteger();

        @Override public String name() { return "enrich"; }
        @Override public String url() { return "http://127.0.0.1:8090"; }
        @Override public CompletableFuture<Throwable> failed() { return failed; }
        @Override public void close() { closes.incrementAndGet(); }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicReference<Thread> hook = new AtomicReference<>();

    private CompletableFuture<Integer> runInBackground(FakeService service) {
        return CompletableFuture.supplyAsync(() -> ServiceRunner.run(service, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), hook::set));
    }

    private String text(ByteArrayOutputStream s) {
        return s.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aStopByTheShutdownHookClosesTheServiceOnceAndExitsZero() throws Exception {
        FakeService service = new FakeService();
        CompletableFuture<Integer> exit = runInBackground(service);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(text(out)).contains("enrich running at http://127.0.0.1:8090"));
        assertThat(hook.get().getName()).isEqualTo("enrich-shutdown");

        hook.get().start();
        hook.get().join(10_000);

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ServiceRunner.STOPPED);
        assertThat(service.closes).hasValue(1);
        assertThat(text(err)).isEmpty();
    }

    @Test
    void aLastingFailureIsOneLineNamingTheServiceAndExitsOne() throws Exception {
        FakeService service = new FakeService();
        CompletableFuture<Integer> exit = runInBackground(service);
        service.failed.complete(new IllegalStateException("stream threads replaced 4 times in 10 minutes"));

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ServiceRunner.FAILED);
        assertThat(text(err).strip()).isEqualTo("enrich: stopped on a lasting failure: "
                + "java.lang.IllegalStateException: stream threads replaced 4 times in 10 minutes");
        assertThat(service.closes).hasValue(1);
    }
}
