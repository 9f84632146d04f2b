package dev.jmcp.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** Hand-offs recorded between {@link DeferredHandOffs#open()} and {@link DeferredHandOffs#close()}. */
class DeferredHandOffsTest {
    private final List<String> log = new ArrayList<>();
    private final Executor executor = task -> {
        log.add("execute");
        task.run();
    };

    private DeferredHandOffs.Task task(String name) {
        return new DeferredHandOffs.Task() {
            @Override
            public void run() {
                log.add("run " + name);
            }

            @Override
            public void rejected(RuntimeException e) {
                log.add("rejected " + name + ": " + e.getMessage());
            }
        };
    }

    @Test
    void handOffsInsideAScopeRunOnlyWhenItClosesInTheirOrder() {
        assertThat(DeferredHandOffs.open()).isTrue();
        try {
            assertThat(DeferredHandOffs.defer(executor, task("a"))).isTrue();
            for (int i = 0; i < 5; i++) {
                assertThat(DeferredHandOffs.defer(executor, task("b" + i))).isTrue();
            }
            log.add("lock released");
        } finally {
            DeferredHandOffs.close();
        }
        assertThat(log)
                .containsExactly(
                        "lock released",
                        "execute",
                        "run a",
                        "execute",
                        "run b0",
                        "execute",
                        "run b1",
                        "execute",
                        "run b2",
                        "execute",
                        "run b3",
                        "execute",
                        "run b4");
    }

    @Test
    void outsideAScopeTheCallerHandsOffItself() {
        assertThat(DeferredHandOffs.defer(executor, task("a"))).isFalse();
        assertThat(log).isEmpty();
    }

    @Test
    void aNestedOpenLeavesTheHandOffsToTheOuterScope() {
        assertThat(DeferredHandOffs.open()).isTrue();
        try {
            assertThat(DeferredHandOffs.open()).isFalse();
            DeferredHandOffs.defer(executor, task("a"));
        } finally {
            DeferredHandOffs.close();
        }
        assertThat(log).containsExactly("execute", "run a");
        assertThat(DeferredHandOffs.defer(executor, task("b"))).isFalse();
    }

    @Test
    void aRejectedHandOffIsReportedToItsTaskAndTheOthersStillRun() {
        Executor full = task -> {
            throw new RejectedExecutionException("full");
        };
        assertThat(DeferredHandOffs.open()).isTrue();
        try {
            DeferredHandOffs.defer(full, task("a"));
            DeferredHandOffs.defer(executor, task("b"));
        } finally {
            DeferredHandOffs.close();
        }
        assertThat(log).containsExactly("rejected a: full", "execute", "run b");
    }
}
