package dev.jmcp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EraMemoryTest {
    private final AtomicLong now = new AtomicLong();
    private final EraMemory memory = new EraMemory(2, Duration.ofMinutes(60), now::get);

    @Test
    void aHandshakeOnlyVerdictExpiresAfterItsTtl() {
        memory.rememberHandshakeOnly("http://a/mcp");
        now.addAndGet(Duration.ofMinutes(59).toNanos());
        assertThat(memory.isHandshakeOnly("http://a/mcp")).isTrue();
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(memory.isHandshakeOnly("http://a/mcp")).isFalse();
    }

    @Test
    void theLeastRecentlyUsedServerIsDroppedBeyondTheBound() {
        memory.rememberHandshakeOnly("a");
        memory.rememberHandshakeOnly("b");
        assertThat(memory.isHandshakeOnly("a")).isTrue(); // b is now the least recently used
        memory.rememberHandshakeOnly("c");
        assertThat(memory.isHandshakeOnly("b")).isFalse();
        assertThat(memory.isHandshakeOnly("a")).isTrue();
        assertThat(memory.isHandshakeOnly("c")).isTrue();
    }

    @Test
    void aForgottenServerIsProbedAgain() {
        memory.rememberHandshakeOnly("a");
        memory.forget("a");
        assertThat(memory.isHandshakeOnly("a")).isFalse();
    }
}
