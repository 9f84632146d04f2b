package dev.jmcp.transport.http.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BodiesTest {

    /** A body that sends a few bytes and then never ends, until it is closed. */
    static final class EndlessBody extends InputStream {
        private final CountDownLatch closed = new CountDownLatch(1);
        private int sent;

        @Override
        public int read() throws IOException {
            if (sent < 5) {
                return "error".charAt(sent++);
            }
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("closed");
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    @Test
    void anErrorBodyThatNeverEndsIsGivenUpAfterItsTimeLimit() {
        String text = assertTimeoutPreemptively(
                Duration.ofSeconds(Bodies.MAX_SECONDS + 20), () -> Bodies.text(new EndlessBody()));
        assertThat(text).isEmpty(); // the read failed when the deadline closed the body
    }

    @Test
    void aFiniteBodyIsReadWhole() {
        assertThat(Bodies.text(new java.io.ByteArrayInputStream("not found".getBytes())))
                .isEqualTo("not found");
    }
}
