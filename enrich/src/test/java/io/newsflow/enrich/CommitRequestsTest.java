package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class CommitRequestsTest {

    /** Runs on a thread of its own: the count is the stream thread's, shared by the processors on it. */
    private static <T> T onFreshThread(java.util.function.Supplier<T> body) throws InterruptedException {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                out.set(body.get());
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        t.start();
        t.join(10_000);
        if (failed.get() != null) throw new AssertionError(failed.get());
        return out.get();
    }

    @Test
    void aCommitIsAskedForEveryThatManyRecordsTakenByTheThreadAcrossItsTasksAndEveryRecordPassesOn() throws Exception {
        List<String> seen = onFreshThread(() -> {
            List<String> log = new ArrayList<>();
            MockProcessorContext<String, String> task1 = new MockProcessorContext<>();
            MockProcessorContext<String, String> task2 = new MockProcessorContext<>();
            long[] now = {1_000};
            CommitRequests<String, String> p1 = new CommitRequests<>(3, 100, () -> now[0]);
            CommitRequests<String, String> p2 = new CommitRequests<>(3, 100, () -> now[0]);
            p1.init(task1);
            p2.init(task2);
            for (int i = 1; i <= 7; i++) {
                now[0] += 50;
                MockProcessorContext<String, String> task = i % 2 == 1 ? task1 : task2;
                (i % 2 == 1 ? p1 : p2).process(new Record<>("k" + i, "v" + i, i));
                if (task.committed()) {
                    log.add("commit after " + i);
                    task.resetCommit();
                }
            }
            log.add("forwarded " + (task1.forwarded().size() + task2.forwarded().size()));
            return log;
        });
        // the 3rd record (task 1) and the 6th (task 2): the thread's count, whichever task took it
        assertThat(seen).containsExactly("commit after 3", "commit after 6", "forwarded 7");
    }

    @Test
    void aBusyThreadAsksNoSoonerThanTheBusyIntervalAfterItsLastRequest() throws Exception {
        List<Integer> commits = onFreshThread(() -> {
            List<Integer> log = new ArrayList<>();
            MockProcessorContext<String, String> task = new MockProcessorContext<>();
            long[] now = {1_000};
            CommitRequests<String, String> p = new CommitRequests<>(3, 100, () -> now[0]);
            p.init(task);
            // flat out: 10 records per 10 ms; the bound is reached every 3, a request goes out every 100 ms
            for (int i = 1; i <= 300; i++) {
                if (i % 10 == 0) now[0] += 10;
                p.process(new Record<>("k", "v", i));
                if (task.committed()) {
                    log.add(i);
                    task.resetCommit();
                }
            }
            return log;
        });
        assertThat(commits).containsExactly(3, 100, 200, 300);
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> new CommitRequests<String, String>(0, 100)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new CommitRequests<String, String>(5, -1)).hasMessageContaining("got -1");
    }
}
