package dev.jmcp.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {
    @Test
    void untilReturnsOnceTheConditionHolds() {
        AtomicInteger calls = new AtomicInteger();
        Poll.until("third call", () -> calls.incrementAndGet() >= 3, Duration.ofSeconds(5));
        assertThat(calls).hasValue(3);
    }

    @Test
    void untilFailsNamingWhatWasAwaitedWhenTheLimitPasses() {
        assertThatThrownBy(() -> Poll.until("never", () -> false, Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("never");
    }

    @Test
    void valueReturnsTheFirstAcceptedValueAndReportsTheLastOneOnFailure() {
        AtomicInteger n = new AtomicInteger();
        assertThat(Poll.value("n >= 2", n::incrementAndGet, v -> v >= 2, Duration.ofSeconds(5)))
                .isEqualTo(2);
        assertThatThrownBy(() -> Poll.value("negative", () -> 7, v -> v < 0, Duration.ofMillis(20)))
                .hasMessageContaining("last: 7");
    }

    @Test
    void joinAllWaitsForMatchingThreadsToEnd() {
        Thread t = new Thread(() -> {}, "testsupport-probe-1");
        t.start();
        Threads.joinAll(name -> name.startsWith("testsupport-probe"), Duration.ofSeconds(5));
        assertThat(t.isAlive()).isFalse();
    }
}
