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

    @Test
    void inlineModeWritesAndFlushesOnTheSendersThreadWhenTheWriterIsIdle() throws Exception {
        RecordingStream sink = new RecordingStream();
        FrameWriter w =
                new FrameWriter(sink, "inline", 10, 1024, Duration.ofSeconds(1), FrameWriter.Mode.INLINE_WHEN_IDLE);
        w.start();
        CompletableFuture<Void> f = w.enqueue("a".getBytes(StandardCharsets.UTF_8));
        assertThat(f).isCompleted(); // written before enqueue returned
        assertThat(sink.text()).isEqualTo("a\n");
        assertThat(sink.flushes).isEqualTo(1);
        assertThat(sink.writers).containsOnly(Thread.currentThread().getName());
        w.stop(true);
        assertThat(w.awaitTerminated(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void corkedInlineWritesAreFlushedTogetherAtUncork() throws Exception {
        RecordingStream sink = new RecordingStream();
        FrameWriter w =
                new FrameWriter(sink, "corked", 10, 1024, Duration.ofSeconds(1), FrameWriter.Mode.INLINE_WHEN_IDLE);
        w.start();
        w.cork();
        w.enqueue("a".getBytes(StandardCharsets.UTF_8));
        w.enqueue("b".getBytes(StandardCharsets.UTF_8));
        assertThat(sink.flushes).isZero();
        w.uncork();
        assertThat(sink.flushes).isEqualTo(1);
        assertThat(sink.text()).isEqualTo("a\nb\n");
        w.uncork(); // nothing left to flush
        assertThat(sink.flushes).isEqualTo(1);
        w.stop(true);
        assertThat(w.awaitTerminated(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void whileAnInlineWriteIsBlockedOtherSendersQueueAndTheWriterThreadWritesThemAfterItInOrder() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingStream sink = new RecordingStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (b[off] == 'a') {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.write(b, off, len);
            }
        };
        FrameWriter w =
                new FrameWriter(sink, "blocked", 10, 1024, Duration.ofSeconds(5), FrameWriter.Mode.INLINE_WHEN_IDLE);
        w.start();
        CompletableFuture<CompletableFuture<Void>> first =
                CompletableFuture.supplyAsync(() -> w.enqueue("a".getBytes(StandardCharsets.UTF_8)));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> b = w.enqueue("b".getBytes(StandardCharsets.UTF_8));
        CompletableFuture<Void> c = w.enqueue("c".getBytes(StandardCharsets.UTF_8));
        assertThat(b).isNotDone(); // queued behind the blocked write, not written by this thread
        release.countDown();
        first.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);
        c.get(10, TimeUnit.SECONDS);
        assertThat(sink.text()).isEqualTo("a\nb\nc\n");
        assertThat(sink.writers).doesNotContain(Thread.currentThread().getName());
        w.stop(true);
        assertThat(w.awaitTerminated(Duration.ofSeconds(5))).isTrue();
    }

    /** Records the bytes, the flushes and the threads that wrote. */
    private static class RecordingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final java.util.Set<String> writers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        volatile int flushes;

        @Override
        public synchronized void write(int b) {
            writers.add(Thread.currentThread().getName());
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writers.add(Thread.currentThread().getName());
            bytes.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            flushes++;
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
