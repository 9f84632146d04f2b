package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Start-up (#19): a server's random request-state key is made on first use, once, by whichever thread needs it. */
class StateKeysRandomKeyTest {
    @Test
    void everyThreadSeesTheOneKeyMadeOnFirstUseAndEachServerHasItsOwn() throws Exception {
        StateKeys keys = StateKeys.random();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StateKeys.Key>> seen = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                seen.add(pool.submit(keys::current));
            }
            StateKeys.Key first = seen.get(0).get(10, TimeUnit.SECONDS);
            for (Future<StateKeys.Key> f : seen) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(keys.find(first.id(), Instant.now())).isSameAs(first);
            assertThat(keys.configured()).isFalse();
            assertThat(StateKeys.random().current().id()).isNotEqualTo(first.id());
            String sealed = StateCipher.seal(keys, new byte[] {1, 2, 3});
            assertThat(StateCipher.open(keys, sealed, Instant.now())).containsExactly(1, 2, 3);
        } finally {
            pool.shutdownNow();
        }
    }
}
