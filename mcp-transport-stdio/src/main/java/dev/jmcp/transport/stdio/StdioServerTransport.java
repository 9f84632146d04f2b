package dev.jmcp.transport.stdio;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.transport.stdio.internal.Checks;
import dev.jmcp.transport.stdio.internal.CorkingInput;
import dev.jmcp.transport.stdio.internal.FrameWriter;
import dev.jmcp.transport.stdio.internal.LineReader;
import dev.jmcp.transport.stdio.internal.ListenerGate;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the stdio transport: newline-delimited JSON-RPC over an input and an output stream,
 * normally this process's stdin and stdout ({@link #ofSystemStreams()}).
 *
 * <p>One reader thread decodes each line (a batch line is delivered as its messages; an invalid or too long
 * line goes to {@link TransportListener#onInvalidMessage}). Outbound messages are written one per line, never
 * interleaved, and go out as they finish: a sender that finds nothing queued and nothing being written writes its
 * message itself (no thread hand-off: a cheap request such as {@code ping}, answered on the reader thread, costs
 * no thread switch in the server); otherwise a writer thread writes the queued messages, bounded in number and
 * bytes, in batches with one flush ({@link Builder#alwaysQueueWrites()} sends everything through it). At end of
 * input the transport first waits (at most {@link Builder#endOfInputGrace}, default 5 s) until the requests
 * already received are answered, then flushes the queued messages and closes the listener: the server exits
 * cleanly on stdin EOF, without dropping the answers of requests the client sent before closing its end.
 */
public final class StdioServerTransport implements Transport {
    /** Default wait of a sender for room in the write queue. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** Default wait at end of input for the answers of requests already received. */
    public static final Duration DEFAULT_END_OF_INPUT_GRACE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(StdioServerTransport.class);
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(2);
    private static final Object SYSTEM_STREAMS_LOCK = new Object();
    private static OutputStream systemStdout; // guarded by SYSTEM_STREAMS_LOCK

    private final InputStream in;
    private final JsonRpcCodec codec;
    private final FrameWriter writer;
    private final Duration endOfInputGrace;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ListenerGate gate = new ListenerGate(LOG, () -> "stdio");
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private StdioServerTransport(Builder b) {
        this.in = b.in;
        this.codec = b.codec;
        this.endOfInputGrace = b.endOfInputGrace;
        this.writer = new FrameWriter(
                b.out, "jmcp-stdio-server-writer", b.maxQueuedMessages, b.maxQueuedBytes, b.writeTimeout, b.writeMode);
    }

    /**
     * A transport over {@code in} and {@code out} with the default settings. Answers are written on the thread that
     * finished them when nothing else is queued (see {@link Builder#alwaysQueueWrites()}), so {@code out} is written
     * from several threads, one at a time: use a stream that allows that ({@code System.out}, a file or socket, an
     * NIO pipe), not {@code java.io.PipedOutputStream}, whose reader fails once the last thread that wrote has ended.
     *
     * @param in the stream the client's messages arrive on (the process's standard input)
     * @param out the stream answers are written to (the process's standard output)
     * @return a transport over {@code in} and {@code out} with the default settings
     */
    public static StdioServerTransport create(InputStream in, OutputStream out) {
        return builder(in, out).build();
    }

    /**
     * A builder for a transport over {@code in} and {@code out}.
     *
     * @param in the in
     * @param out the out
     * @return a builder for a transport over {@code in} and {@code out}
     */
    public static Builder builder(InputStream in, OutputStream out) {
        return new Builder(in, out);
    }

    /**
     * A transport over this process's stdin and stdout. The real stdout is captured for the protocol and
     * {@link System#out} is redirected to {@link System#err}, so a stray {@code System.out.println} in user code
     * ends up in the log instead of corrupting the protocol stream. Capturing happens once per JVM; a second
     * transport over the system streams reuses the captured stdout.
     *
     * @return a transport over this process's stdin and stdout
     */
    public static StdioServerTransport ofSystemStreams() {
        return builder(System.in, captureSystemStdout()).build();
    }

    /**
     * Captures this process's real stdout for protocol use and points {@link System#out} at {@link System#err}.
     * Idempotent; returns the captured stream.
     *
     * @return the real stdout, for the transport to write protocol messages to
     */
    public static OutputStream captureSystemStdout() {
        synchronized (SYSTEM_STREAMS_LOCK) {
            if (systemStdout == null) {
                System.out.flush();
                systemStdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
                PrintStream err = System.err;
                System.setOut(err);
            }
            return systemStdout;
        }
    }

    @Override
    public void start(TransportListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("transport already started");
        }
        gate.open(listener);
        writer.start();
        HandlerExecutors.startThread("jmcp-stdio-server-reader", this::readLoop);
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        if (closing.get()) {
            return CompletableFuture.failedFuture(new McpTransportException("stdio transport is closed"));
        }
        if (!started.get()) {
            return CompletableFuture.failedFuture(new McpTransportException("stdio transport not started"));
        }
        return writer.enqueue(codec, message);
    }

    /**
     * Closes the transport: messages already queued are still written (for at most two seconds), then the
     * output stream and the input stream are closed and the listener is told. Idempotent.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (started.get()) {
            writer.stop(true);
            writer.awaitTerminated(DRAIN_WAIT);
        }
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("closing stdio input failed", e);
        }
        finish(null);
    }

    /**
     * Completes when the transport has closed: at end of input, on a read error, or after {@link #close()}.
     *
     * @return a future that completes when the transport has closed
     */
    public CompletableFuture<Void> closeFuture() {
        return closed.copy();
    }

    private void readLoop() {
        LineReader reader =
                new LineReader(new CorkingInput(in, writer), codec.limits().maxMessageBytes());
        Throwable error = null;
        try {
            if (!gate.deliverAll(reader, codec, () -> {})) {
                return;
            }
            LOG.debug("stdio input reached its end");
            gate.awaitAnswersAfterEndOfInput(endOfInputGrace);
        } catch (IOException e) {
            if (!closing.get()) {
                error = new McpTransportException("reading stdio input failed: " + e.getMessage(), e);
            }
        }
        if (closing.compareAndSet(false, true)) {
            writer.stop(true);
            writer.awaitTerminated(DRAIN_WAIT);
        }
        finish(error);
    }

    private void finish(Throwable cause) {
        try {
            gate.finish(cause, writer);
        } finally {
            closed.complete(null);
        }
    }

    @Override
    public String toString() {
        return "StdioServerTransport";
    }

    /** Builds a {@link StdioServerTransport}. */
    public static final class Builder {
        private final InputStream in;
        private final OutputStream out;
        private JsonRpcCodec codec = JsonRpcCodec.defaults();
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private int maxQueuedMessages = StdioClientTransport.DEFAULT_MAX_QUEUED_MESSAGES;
        private long maxQueuedBytes = StdioClientTransport.DEFAULT_MAX_QUEUED_BYTES;
        private Duration endOfInputGrace = DEFAULT_END_OF_INPUT_GRACE;
        private FrameWriter.Mode writeMode = FrameWriter.Mode.INLINE_WHEN_IDLE;

        private Builder(InputStream in, OutputStream out) {
            this.in = Objects.requireNonNull(in, "in");
            this.out = Objects.requireNonNull(out, "out");
        }

        /**
         * The codec, whose limits apply to every inbound line; default {@link JsonRpcCodec#defaults()}.
         *
         * @param codec the codec, whose limits apply to every inbound line; default {@link JsonRpcCodec#defaults()}
         * @return this builder
         */
        public Builder codec(JsonRpcCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * How long a sender waits for room in the write queue before failing; default 30 s.
         *
         * @param timeout how long a sender waits for room in the write queue before failing; default 30 s
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Checks.nonNegative(timeout, "writeTimeout");
            return this;
        }

        /**
         * How many messages the write queue holds; default 1024.
         *
         * @param max how many messages the write queue holds; default 1024
         * @return this builder
         */
        public Builder maxQueuedMessages(int max) {
            this.maxQueuedMessages = (int) Checks.positive(max, "maxQueuedMessages");
            return this;
        }

        /**
         * How many bytes the write queue holds (one message is always accepted); default 32 MiB.
         *
         * @param max how many bytes the write queue holds (one message is always accepted); default 32 MiB
         * @return this builder
         */
        public Builder maxQueuedBytes(long max) {
            this.maxQueuedBytes = Checks.positive(max, "maxQueuedBytes");
            return this;
        }

        /**
         * How long the transport waits at end of input for the answers of requests it already received before it
         * flushes and closes; default 5 s, zero to close at once (dropping those answers).
         *
         * @param grace how long the transport waits at end of input for the answers of requests it already received
         *     before it flushes and closes; default 5 s, zero to close at once (dropping those answers)
         * @return this builder
         */
        public Builder endOfInputGrace(Duration grace) {
            this.endOfInputGrace = Checks.nonNegative(grace, "endOfInputGrace");
            return this;
        }

        /**
         * Sends every outbound message through the writer thread's queue, so a sender never blocks on the stream:
         * when the client stops reading, senders fail after {@link #writeTimeout} instead of waiting in the write.
         * By default a sender that finds nothing queued and nothing being written writes its message itself, which
         * saves a thread hand-off per answer; if the client then stops reading until the pipe is full, that sender
         * waits in the write until the client reads or exits.
         *
         * @return this builder
         */
        public Builder alwaysQueueWrites() {
            this.writeMode = FrameWriter.Mode.QUEUED;
            return this;
        }

        /**
         * Builds the transport.
         *
         * @return the built stdio server transport
         */
        public StdioServerTransport build() {
            return new StdioServerTransport(this);
        }
    }
}
