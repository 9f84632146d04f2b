package dev.jmcp.transport.stdio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpTransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FrameWriterTest {

    @Test
    void writesFramesWithNewlinesAndClosesTheStreamWhenStopped() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        FrameWriter w = new FrameWriter(sink, "test", 10, 1024, Duration.ofSeconds(1));
        w.start();
        w.enqueue("a".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> b = w.enqueue("b".getBytes(StandardCharsets.UTF_8));
        w.stop(true);
        b.get(5, TimeUnit.SECONDS);
        assertThat(w.awaitTerminated(Duration.ofSeconds(5))).isTrue();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("a\nb\n");
        assertThat(w.enqueue(new byte[1])).isCompletedExceptionally();
    }

    @Test
    void fullQueueFailsTheSenderAfterTheWriteTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        };
        FrameWriter w = new FrameWriter(stuck, "stuck", 2, 1 << 20, Duration.ofMillis(100));
        w.start();
        CompletableFuture<Void> first = w.enqueue(new byte[10]); // taken by the writer, which blocks
        CompletableFuture<Void> rejected = null;
        for (int i = 0; i < 5 && rejected == null; i++) {
            CompletableFuture<Void> f = w.enqueue(new byte[10]);
            if (f.isCompletedExceptionally()) {
                rejected = f;
            }
        }
        assertThat(rejected).as("a sender is refused once the queue is full").isNotNull();
        assertThat(rejected.handle((ok, e) -> e).get())
                .isInstanceOf(McpTransportException.class)
                .hasMessageContaining("write queue full");
        w.stop(false);
        release.countDown();
        assertThat(w.awaitTerminated(Duration.ofSeconds(5))).isTrue();
        first.handle((ok, e) -> null).get(5, TimeUnit.SECONDS);
    }

    @Test
    void writeErrorFailsEveryQueuedFrame() throws Exception {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        FrameWriter w = new FrameWriter(broken, "broken", 10, 1024, Duration.ofSeconds(1));
        w.start();
        CompletableFuture<Void> f = w.enqueue(new byte[] {1});
        assertThat(f.handle((ok, e) -> e).get(5, TimeUnit.SECONDS))
                .isInstanceOf(McpTransportException.class)
                .hasMessageContaining("Broken pipe");
        assertThat(w.enqueue(new byte[] {2})).isCompletedExceptionally();
        assertThat(w.awaitTerminated(Duration.ofSeconds(5))).isTrue();
    }
}
